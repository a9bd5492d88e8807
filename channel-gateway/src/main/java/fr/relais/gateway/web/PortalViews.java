package fr.relais.gateway.web;

import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;
import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the citizen's portal shows: her journeys, their mandates and access log, the sites she may choose. */
final class PortalViews {

    private PortalViews() {
    }

    /** One of her journeys on the home page. */
    @TemplateData
    public record Summary(String id, String procedureTitle, String status, String statusLabel, String currentStep,
                          String resumeCode) {
    }

    /** A mandate still running, as its citizen sees it: the site, until when, and its id to withdraw it. */
    @TemplateData
    public record MandateLine(String id, String site, String until) {
    }

    /** The procedures a citizen may start, by id, in journey-service's order. */
    static Map<String, StepForm.Procedure> procedures(List<ProcedureAnswers.Procedure> definitions) {
        Map<String, StepForm.Procedure> procedures = new LinkedHashMap<>();
        definitions.forEach(definition -> procedures.put(Wording.text(definition.id()), StepForm.procedure(definition)));
        return procedures;
    }

    /** Her journeys, each with its procedure's title and current step's title when the procedure is known. */
    static List<Summary> summaries(List<JourneyAnswers.Summary> mine, Map<String, StepForm.Procedure> procedures) {
        return mine.stream().map(journey -> {
            StepForm.Procedure procedure = procedures.get(Wording.text(journey.procedureId()));
            return new Summary(Wording.text(journey.id()), procedure == null ? Wording.text(journey.procedureId()) : procedure.title(),
                    Wording.text(journey.status()), Wording.status(Wording.text(journey.status())),
                    procedure == null ? journey.currentStep() : procedure.stepTitle(journey.currentStep()), journey.resumeCode());
        }).toList();
    }

    /** The journey's running mandates (not withdrawn, not expired) from journey-service's view for the citizen. */
    static List<MandateLine> runningMandates(JourneyAnswers.Detail journey) {
        if (journey.mandates() == null) {
            return List.of();
        }
        Instant now = Instant.now();
        return journey.mandates().stream()
                .filter(m -> !m.revoked() && m.expiresAt() != null && m.expiresAt().isAfter(now))
                .map(m -> new MandateLine(Wording.text(m.mandateId()),
                        m.aidantName() != null ? "votre aidant " + m.aidantName() : Wording.text(m.site()), Wording.when(m.expiresAt())))
                .toList();
    }

    /** Who read or acted on her journey, in words: a role (and site), what, and the reason they had. */
    static List<Line> accessLog(List<JourneyAnswers.AccessLogEntry> entries) {
        return entries.stream().map(entry -> new Line(Wording.when(entry.at()), Wording.role(entry.actorRole())
                + (entry.actorSite() != null ? " (" + entry.actorSite() + ")" : "")
                + " — " + Wording.text(entry.action()) + " — motif : " + Vocabulary.accessReason(entry.reason()))).toList();
    }

    /** The sites to continue at (desk handoff, mandate). */
    static List<Option> sites(List<BookingAnswers.Site> sites) {
        return sites.stream().map(site -> Option.of(site.id(), site.name())).toList();
    }
}
