package fr.relais.gateway.web.receipt;

import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptFactoryTest {

    private final ReceiptFactory factory = new ReceiptFactory("01 99 00 27 27");

    @Test
    void a_desk_start_names_the_site_and_gives_its_hours() {
        Receipt receipt = Receipts.mohamed();

        assertThat(receipt.startedWhere()).isEqualTo("au guichet France Services Guéret");
        assertThat(receipt.help()).isEqualTo(new HelpLines("France Services Guéret",
                "du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h, fermé le mercredi après-midi", "01 99 00 27 27"));
        assertThat(receipt.nextSteps()).containsExactly(
                new NextStep("Rendez-vous au guichet pour la prise d'empreintes", true),
                new NextStep("Remise de la carte au guichet", false));
    }

    @Test
    void each_demo_site_has_its_name_and_only_the_creuse_closes_on_wednesday_afternoon() {
        assertThat(desk("fs-aubervilliers").help().siteName()).isEqualTo("France Services Aubervilliers");
        assertThat(desk("fs-saint-denis").help().siteName()).isEqualTo("France Services Saint-Denis");
        assertThat(desk("fs-aubusson").help().siteName()).isEqualTo("France Services Aubusson");
        assertThat(desk("fs-aubusson").help().openingHours()).endsWith("fermé le mercredi après-midi");
        assertThat(desk("fs-aubervilliers").help().openingHours()).isEqualTo("du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h");
    }

    @Test
    void an_unknown_site_reads_as_france_services_never_as_its_id() {
        Receipt receipt = desk("fs-nowhere");
        assertThat(receipt.startedWhere()).isEqualTo("au guichet France Services");
        assertThat(receipt.toString() + receipt.help()).doesNotContain("fs-nowhere");
    }

    @Test
    void a_phone_start_names_the_platform() {
        Receipt receipt = factory.receipt("Déclaration de changement d'adresse", List.of("Nouvelle adresse"), false,
                "ACDE3469", Receipts.STARTED, "phone", "tel-national", "Mohamed Benali");

        assertThat(receipt.startedWhere()).isEqualTo("par téléphone avec la plateforme Relais");
        assertThat(receipt.help().siteName()).isEqualTo("Plateforme téléphonique Relais");
        assertThat(receipt.nextSteps()).containsExactly(new NextStep("Nouvelle adresse", false));
    }

    @Test
    void from_journey_service_answers_the_steps_left_start_at_the_current_one() {
        ProcedureAnswers.Procedure procedure = new ProcedureAnswers.Procedure("cni-renouvellement", 1,
                "Renouvellement de carte nationale d'identité", List.of(
                step("identite", "Identité", false, "portal", "phone", "desk"),
                step("formulaire", "Formulaire", false, "portal", "desk"),
                step("justificatifs", "Pièces justificatives", false, "portal", "desk"),
                step("rdv-biometrie", "Rendez-vous pour les empreintes", true, "desk"),
                step("remise", "Remise de la carte", true, "desk")));
        Instant started = Instant.parse("2026-11-30T13:05:00Z");
        JourneyAnswers.Detail journey = journey("rdv-biometrie", List.of("identite", "formulaire", "justificatifs"),
                List.of(new JourneyAnswers.TimelineEntry(1, started, "journey-started", null, "desk", "counter-agent", "fs-gueret"),
                        new JourneyAnswers.TimelineEntry(2, started.plusSeconds(600), "step-completed", "identite", "desk", "counter-agent", "fs-gueret")));

        Receipt receipt = factory.receipt(procedure, journey, "Mohamed Benali");

        assertThat(receipt.procedureTitle()).isEqualTo("Renouvellement de carte nationale d'identité");
        assertThat(receipt.resumeCode()).isEqualTo("KM4T7QXR");
        assertThat(receipt.startedAt()).isEqualTo(started);
        assertThat(receipt.startedWhere()).isEqualTo("au guichet France Services Guéret");
        assertThat(receipt.nextSteps()).containsExactly(new NextStep("Rendez-vous pour les empreintes", true),
                new NextStep("Remise de la carte", false));
    }

    @Test
    void a_current_step_she_may_do_online_is_not_marked_for_an_agent() {
        ProcedureAnswers.Procedure procedure = new ProcedureAnswers.Procedure("changement-adresse", 1,
                "Déclaration de changement d'adresse", List.of(step("identite", "Identité", false, "portal", "phone", "desk"),
                step("nouvelle-adresse", "Nouvelle adresse", false, "portal", "phone", "desk")));
        JourneyAnswers.Detail journey = journey("identite", List.of(), List.of(
                new JourneyAnswers.TimelineEntry(1, Receipts.STARTED, "journey-started", null, "phone", "phone-agent", "tel-national")));

        Receipt receipt = factory.receipt(procedure, journey, "Mohamed Benali");

        assertThat(receipt.startedWhere()).isEqualTo("par téléphone avec la plateforme Relais");
        assertThat(receipt.nextSteps()).extracting(NextStep::now).containsExactly(false, false);
    }

    @Test
    void from_journey_services_receipt_answer_the_name_is_the_person_records_and_the_steps_left_follow_the_pinned_version() {
        ProcedureAnswers.Procedure procedure = new ProcedureAnswers.Procedure("cni-renouvellement", 2,
                "Renouvellement de carte nationale d'identité", List.of(
                step("identite", "Votre identité", false, "portal", "phone", "desk"),
                step("formulaire", "Formulaire", false, "portal", "desk"),
                step("rdv-biometrie", "Rendez-vous pour les empreintes", true, "desk")));
        PersonAnswers.Receipt answer = new PersonAnswers.Receipt(UUID.randomUUID(), "cni-renouvellement", 2, "KM4T7QXR",
                Receipts.STARTED, "desk", "fs-gueret", "WITH_AGENT", "formulaire", List.of("identite"), "Mohamed", "Benali");

        Receipt receipt = factory.receipt(procedure, answer);

        assertThat(receipt.citizenName()).isEqualTo("Mohamed Benali");
        assertThat(receipt.startedWhere()).isEqualTo("au guichet France Services Guéret");
        assertThat(receipt.nextSteps()).containsExactly(new NextStep("Formulaire", false),
                new NextStep("Rendez-vous pour les empreintes", false));
    }

    @Test
    void a_receipt_answer_without_a_person_record_prints_no_name_and_one_without_a_code_is_refused() {
        ProcedureAnswers.Procedure procedure = new ProcedureAnswers.Procedure("p", 1, "Titre", List.of());
        PersonAnswers.Receipt online = new PersonAnswers.Receipt(UUID.randomUUID(), "p", 1, "KM4T7QXR", Receipts.STARTED,
                "portal", null, "IN_PROGRESS", null, List.of(), null, null);
        assertThat(factory.receipt(procedure, online).citizenName()).isNull();
        PersonAnswers.Receipt closed = new PersonAnswers.Receipt(UUID.randomUUID(), "p", 1, null, Receipts.STARTED,
                "desk", "fs-gueret", "COMPLETED", null, List.of(), "Mohamed", "Benali");
        assertThatThrownBy(() -> factory.receipt(procedure, closed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_journey_without_a_start_in_its_timeline_is_refused() {
        ProcedureAnswers.Procedure procedure = new ProcedureAnswers.Procedure("p", 1, "Titre", List.of());
        assertThatThrownBy(() -> factory.receipt(procedure, journey("x", List.of(), List.of()), "Nom"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Receipt desk(String site) {
        return factory.receipt("Titre", List.of(), false, "KM4T7QXR", Receipts.STARTED, "desk", site, "Nom");
    }

    private static ProcedureAnswers.Step step(String id, String title, boolean presence, String... channels) {
        return new ProcedureAnswers.Step(id, title, List.of(channels), presence, presence, null, List.of());
    }

    private static JourneyAnswers.Detail journey(String current, List<String> completed, List<JourneyAnswers.TimelineEntry> timeline) {
        return new JourneyAnswers.Detail(UUID.randomUUID(), "p", 1, "WITH_AGENT", current, completed, 3, "KM4T7QXR",
                null, null, false, timeline, null, "claimed", null, false);
    }
}
