package fr.relais.journey.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a citizen's own contact change (PersonDrafts): the drafts' field rules, consents named by channel. */
class ContactChangeRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final PersonViews.Address GUERET = new PersonViews.Address("3 place du Marché", "23000", "Guéret");

    private static List<String> fields(PersonViews.ContactChange change, boolean creating) {
        return PersonDrafts.errors(change, creating, "Mohamed", "Benali", TODAY).stream().map(PersonViews.FieldError::field).toList();
    }

    @Test
    void aCompleteChangeIsAccepted() {
        var change = new PersonViews.ContactChange("m.benali@example.org", "05 55 12 34 56", GUERET,
                new PersonViews.MessageConsents(true, true, true), null);
        assertThat(fields(change, false)).isEmpty();
        assertThat(PersonDrafts.phone(change.phone())).contains("+33555123456");
    }

    @Test
    void nothingAtAllIsAcceptedOnAnExistingRecord() {
        assertThat(fields(new PersonViews.ContactChange(null, null, null, null, null), false)).isEmpty();
        // an all-blank address is no address
        assertThat(fields(new PersonViews.ContactChange("", " ", new PersonViews.Address("", "", ""),
                PersonViews.MessageConsents.NONE, null), false)).isEmpty();
    }

    @Test
    void eachConsentNeedsItsChannelsContact() {
        var change = new PersonViews.ContactChange(null, null, new PersonViews.Address(" ", "", ""),
                new PersonViews.MessageConsents(true, true, true), null);
        assertThat(fields(change, false)).containsExactly("consents.email", "consents.sms", "consents.letter");
        assertThat(PersonDrafts.errors(change, false, null, null, TODAY).get(2).message())
                .isEqualTo("un accord pour les courriers demande une adresse postale");
    }

    @Test
    void fieldsFollowThePersonDraftRules() {
        var change = new PersonViews.ContactChange("nom@", "12 34", new PersonViews.Address("3 place du Marché", "2300", ""),
                PersonViews.MessageConsents.NONE, null);
        assertThat(fields(change, false)).containsExactly("phone", "email", "address.postcode", "address.city");
    }

    @Test
    void creatingARecordNeedsAPastBirthDateAndNamesThatAreNames() {
        var change = new PersonViews.ContactChange(null, null, null, null, "2027-01-01");
        assertThat(fields(change, true)).containsExactly("birthDate");
        assertThat(fields(new PersonViews.ContactChange(null, null, null, null, "02/11/1951"), true)).isEmpty();
        assertThat(PersonDrafts.errors(new PersonViews.ContactChange(null, null, null, null, "02/11/1951"), true, null, "R2D2", TODAY)
                .stream().map(PersonViews.FieldError::field)).containsExactly("givenNames", "familyName");
        // the birth date matters only when a record is created
        assertThat(fields(new PersonViews.ContactChange(null, null, null, null, "pas une date"), false)).isEmpty();
        assertThat(fields(null, false)).containsExactly("body");
    }
}
