package fr.relais.gateway.web.receipt;

import fr.relais.document.FrenchDates;

import fr.relais.document.FranceServicesSites;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptTest {

    @Test
    void the_code_reads_in_two_groups_of_four() {
        assertThat(Receipts.mohamed().groupedResumeCode()).isEqualTo("KM4T 7QXR");
    }

    @Test
    void the_start_is_written_the_french_way_in_paris_time() {
        assertThat(Receipts.mohamed().startedAtInFrench()).isEqualTo("30 novembre 2026 à 14 h 05");
        // summer time (UTC+2), a first of the month, an hour before ten
        assertThat(FrenchDates.withYear(Instant.parse("2026-07-01T07:00:00Z"))).isEqualTo("1er juillet 2026 à 9 h 00");
    }

    @Test
    void the_check_hint_is_always_the_same() {
        assertThat(Receipts.mohamed().checkHint()).isEqualTo("Gardez ce code : avec votre date de naissance, il permet "
                + "de reprendre votre démarche au guichet, par téléphone ou en ligne.");
    }

    @Test
    void neither_the_name_nor_the_code_reaches_a_log_line() {
        Receipt receipt = Receipts.mohamed();
        assertThat(receipt.toString()).doesNotContain("Mohamed", "Benali", "KM4T", "7QXR");
        assertThat(ReceiptView.of(receipt).toString()).doesNotContain("Mohamed", "Benali", "KM4T", "7QXR");
    }

    @Test
    void a_code_that_is_not_eight_capitals_or_digits_is_refused_without_repeating_it() {
        HelpLines help = new HelpLines("France Services Guéret", FranceServicesSites.WEEKDAYS, ReceiptFactory.DEMO_PHONE_LINE);
        assertThatThrownBy(() -> new Receipt("Titre", "km4t7qx", Receipts.STARTED, "au guichet", "Nom", List.of(), help))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("km4t7qx");
    }
}
