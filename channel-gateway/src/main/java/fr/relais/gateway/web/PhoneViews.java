package fr.relais.gateway.web;

import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;
import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the phone agent's console shows, already in words: call backs to make, the phone queue, a person found. */
final class PhoneViews {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM 'à' H 'h' mm", Locale.FRANCE)
            .withZone(PARIS);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRANCE).withZone(PARIS);

    private PhoneViews() {
    }

    /** The procedures by id, with their French titles and step titles. */
    static Map<String, StepForm.Procedure> procedures(List<ProcedureAnswers.Procedure> definitions) {
        return definitions.stream().map(StepForm::procedure)
                .collect(Collectors.toMap(StepForm.Procedure::id, Function.identity(), (a, b) -> a));
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

    /** A person record as the agent reads it on the call: identity status in plain words, live journeys by title. */
    @TemplateData
    public record Person(String personId, String name, String birthDate, String identity, String phone, String language,
                         String needs, String consents, List<Journey> journeys) {
    }

    /** One of the person's live journeys: the journey page to open, its title and status. */
    @TemplateData
    public record Journey(String journeyId, String text) {
    }

    static Person person(PersonAnswers.Person p, Map<String, StepForm.Procedure> procedures) {
        List<Journey> journeys = p.journeys() == null ? List.of() : p.journeys().stream().map(j -> {
            StepForm.Procedure procedure = procedures.get(j.procedureId());
            return new Journey(Wording.text(j.id()), procedureTitle(procedure) + " — " + Wording.status(j.status()));
        }).toList();
        String needs = p.accessibilityNeeds() == null || p.accessibilityNeeds().isEmpty() ? "aucun besoin signalé"
                : String.join(", ", p.accessibilityNeeds().stream().map(Vocabulary::need).toList());
        return new Person(Wording.text(p.personId()), Wording.text(p.givenNames()) + " " + Wording.text(p.familyName()),
                p.birthDate() == null ? "" : p.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                Vocabulary.identity(p.identity()), p.phone() == null ? "non renseigné" : p.phone(),
                Vocabulary.language(p.preferredLanguage()), needs, consents(p.consents()), journeys);
    }

    private static String consents(PersonAnswers.Consents consents) {
        if (consents == null) {
            return "aucun";
        }
        List<String> yes = new java.util.ArrayList<>();
        if (consents.phone()) {
            yes.add("appels");
        }
        if (consents.sms()) {
            yes.add("SMS");
        }
        if (consents.email()) {
            yes.add("e-mails");
        }
        if (consents.letter()) {
            yes.add("courriers");
        }
        return yes.isEmpty() ? "aucun" : String.join(", ", yes);
    }

    /** The procedures an agent may start, by title. */
    static List<Option> procedureOptions(Map<String, StepForm.Procedure> procedures) {
        return procedures.values().stream().sorted(java.util.Comparator.comparing(StepForm.Procedure::title))
                .map(p -> new Option(p.id(), p.title())).toList();
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
