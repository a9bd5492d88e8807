package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * journey-service's answers, read into the gateway's records as the REST clients read them (unknown properties refused
 * by default, as the gateway configures Jackson), then put in words for the pages.
 */
class JourneyViewsTest {

    /** Like the gateway's ObjectMapper: unknown properties fail, unless a record says it tolerates them. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String PROCEDURE = """
            {"id": "cni-renouvellement", "version": 2, "title": "Renouveler sa carte d'identité",
             "steps": [
               {"id": "identite", "title": "Votre identité", "channels": ["portal", "desk"], "presenceRequired": false,
                "appointmentRequired": false, "expectedDuration": 600.0, "someFutureFlag": true,
                "fields": [{"name": "nom", "label": "Nom", "type": "text", "required": true, "pattern": null, "options": [],
                            "checkField": false},
                           {"name": "code-postal", "type": "text", "required": false, "pattern": "^[0-9]{5}$"}]},
               {"id": "justificatifs", "channels": ["portal"], "fields": []}]}""";

    private static final String JOURNEY = """
            {"id": "5b0c6f63-3b8e-4a53-9a57-0d8b1d7a6a11", "procedureId": "cni-renouvellement", "procedureVersion": 2,
             "status": "ESCALATED", "currentStep": "identite", "completedSteps": [], "version": 4, "resumeCode": "ACDEFGHJ",
             "escalated": true, "citizenMayAct": true, "aFieldOfTomorrow": {"x": 1},
             "timeline": [
               {"sequence": 1, "at": "2026-11-30T09:15:00Z", "what": "journey-started", "stepId": null, "channel": "portal",
                "actorRole": "citizen", "actorSite": null},
               {"sequence": 2, "at": "2026-11-30T10:00:00Z", "what": "journey-claimed", "stepId": "identite", "channel": "desk",
                "actorRole": "counter-agent", "actorSite": "fs-aubervilliers"}],
             "answers": {"identite": {"nom": "Martin"}},
             "mandates": [{"mandateId": "7d4a8a3e-8f0e-4d0e-8b9c-1f8f2c3d4e5f", "site": "fs-aubervilliers",
                           "expiresAt": "2999-01-01T00:00:00Z", "revoked": false},
                          {"mandateId": "0f4a8a3e-8f0e-4d0e-8b9c-1f8f2c3d4e5f", "site": "fs-gueret",
                           "expiresAt": "2999-01-01T00:00:00Z", "revoked": true}]}""";

    @Test
    void aJourneyIsReadWithFieldsTheGatewayDoesNotKnowYetAndShownInWords() throws Exception {
        JourneyAnswers.Detail journey = JSON.readValue(JOURNEY, JourneyAnswers.Detail.class);
        ProcedureAnswers.Procedure definition = JSON.readValue(PROCEDURE, ProcedureAnswers.Procedure.class);
        StepForm.Procedure procedure = StepForm.procedure(definition);

        assertThat(journey.citizenMayAct()).isTrue();
        assertThat(procedure.title()).isEqualTo("Renouveler sa carte d'identité");
        assertThat(procedure.stepTitle("justificatifs")).as("an untitled step shows its id").isEqualTo("justificatifs");
        assertThat(JourneyTimeline.of(journey, procedure)).extracting(Line::text).containsExactly(
                "Démarche commencée · en ligne (vous)",
                "Prise en charge par un agent — Votre identité · au guichet (agent d'accueil, fs-aubervilliers)");
        assertThat(JourneyTimeline.of(journey, procedure).get(0).when()).isEqualTo("30 nov. 2026 10:15");
        assertThat(PortalViews.runningMandates(journey)).extracting(PortalViews.MandateLine::site).containsExactly("fs-aubervilliers");

        StepForm.Step step = StepForm.currentStep(definition, procedure, journey.currentStep(),
                JourneyTimeline.answers(journey).get("identite"), Map.of("code-postal", StepForm.fieldMessage("pattern")));
        assertThat(step.fields()).extracting(StepForm.Field::name, StepForm.Field::label, StepForm.Field::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nom", "Nom", "Martin"),
                        org.assertj.core.groups.Tuple.tuple("code-postal", "code-postal", ""));
        assertThat(step.fields().get(1).hint()).isEqualTo("5 chiffres, par exemple 93300.");
        assertThat(step.fields().get(1).error()).startsWith("Le format n'est pas le bon");
    }

    @Test
    void aJourneyWithoutTimelineAnswersOrCurrentStepStillRenders() throws Exception {
        JourneyAnswers.Detail closed = JSON.readValue("""
                {"id": "5b0c6f63-3b8e-4a53-9a57-0d8b1d7a6a11", "procedureId": "cni-renouvellement", "procedureVersion": 2,
                 "status": "COMPLETED", "version": 9, "escalated": false, "citizenMayAct": false}""", JourneyAnswers.Detail.class);
        ProcedureAnswers.Procedure definition = JSON.readValue(PROCEDURE, ProcedureAnswers.Procedure.class);
        StepForm.Procedure procedure = StepForm.procedure(definition);

        assertThat(JourneyTimeline.of(closed, procedure)).isEmpty();
        assertThat(JourneyTimeline.answers(closed).getOrDefault(closed.currentStep(), Map.of())).isEmpty();
        assertThat(StepForm.currentStep(definition, procedure, closed.currentStep(), Map.of(), Map.of())).isNull();
        assertThat(PortalViews.runningMandates(closed)).isEmpty();
        assertThat(Wording.status(closed.status())).isEqualTo("Terminée");
    }

    @Test
    void herJourneysListNamesTheProcedureAndTheStep() throws Exception {
        ProcedureAnswers.Procedure definition = JSON.readValue(PROCEDURE, ProcedureAnswers.Procedure.class);
        List<JourneyAnswers.Summary> mine = List.of(JSON.readValue("""
                {"id": "5b0c6f63-3b8e-4a53-9a57-0d8b1d7a6a11", "procedureId": "cni-renouvellement", "procedureVersion": 2,
                 "status": "HANDOFF_PENDING", "currentStep": "identite", "updatedAt": "2026-11-30T09:15:00Z"}""",
                JourneyAnswers.Summary.class));

        assertThat(PortalViews.summaries(mine, PortalViews.procedures(List.of(definition))))
                .containsExactly(new PortalViews.Summary("5b0c6f63-3b8e-4a53-9a57-0d8b1d7a6a11", "Renouveler sa carte d'identité",
                        "HANDOFF_PENDING", "En attente d'un agent", "Votre identité", null));
    }
}
