package fr.relais.gateway.web;

import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.gateway.downstream.JourneyAnswers;
import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the phone agent's console shows, already in words: call backs to make, the phone queue, times. */
final class PhoneViews {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM 'à' H 'h' mm", Locale.FRANCE)
            .withZone(PARIS);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRANCE).withZone(PARIS);

    private PhoneViews() {
    }

    /**
     * One call back in words. {@code phone} only when this agent took it (journey-service gives it to her alone).
     *
     * @param overdue its window ended before anyone reached the citizen
     */
    @TemplateData
    public record Callback(String callbackId, String journeyId, String procedure, String step, String reason, String windows,
                           String dueAt, boolean overdue, boolean due, int failedAttempts, boolean takenByMe, boolean takenByOther,
                           String phone) {
        /** The number as a tel: link target: digits and a leading plus only. */
        public String telLink() {
            return phone == null ? "" : "tel:" + phone.replaceAll("[^0-9+]", "");
        }

        public String attempts() {
            return failedAttempts == 0 ? "aucune" : failedAttempts == 1 ? "1 sans succès" : failedAttempts + " sans succès";
        }
    }

    static List<Callback> callbacks(List<CallbackAnswers.Entry> entries, Map<String, StepForm.Procedure> procedures) {
        return entries.stream().map(entry -> {
            StepForm.Procedure procedure = procedures.get(entry.procedureId());
            return new Callback(Wording.text(entry.callbackId()), Wording.text(entry.journeyId()), procedureTitle(procedure),
                    procedure == null ? "étape en cours" : procedure.stepTitle(entry.currentStep()),
                    Vocabulary.handoffReason(entry.reasonCode()), Vocabulary.callbackWindows(entry.windows()), dayAndTime(entry.dueAt()),
                    entry.overdue(), entry.due(), entry.failedAttempts(), entry.takenByMe(), entry.takenByOther(),
                    entry.takenByMe() ? entry.phone() : null);
        }).toList();
    }

    /** A journey waiting for the phone platform (a citizen asked to continue by phone without a call back). */
    @TemplateData
    public record Waiting(String journeyId, String procedure, String step, String reason, String since) {
    }

    static List<Waiting> queue(List<JourneyAnswers.QueueEntry> entries, Map<String, StepForm.Procedure> procedures) {
        return entries.stream().map(entry -> {
            StepForm.Procedure procedure = procedures.get(entry.procedureId());
            return new Waiting(Wording.text(entry.journeyId()), procedureTitle(procedure),
                    procedure == null ? "étape en cours" : procedure.stepTitle(entry.currentStep()),
                    Vocabulary.handoffReason(entry.reasonCode()), dayAndTime(entry.waitingSince()));
        }).toList();
    }

    static String procedureTitle(StepForm.Procedure procedure) {
        return procedure == null ? "Démarche" : procedure.title();
    }

    /** "mardi 3 mars à 14 h 30", Paris time. */
    static String dayAndTime(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant);
    }

    /** "14 h 35", Paris time. */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
