package fr.relais.gateway.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.relais.gateway.downstream.MediationAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.WebApplicationException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the mediator console shows: cases by priority with their deadlines, why a case was opened, what was done on it. */
final class MediationViews {

    /** Contact outcomes and case outcomes as mediation-service names them, with their words. */
    static final Map<String, String> CONTACTS = Map.of("reached", "Personne jointe", "no-answer", "Pas de réponse",
            "voicemail", "Message laissé", "callback-planned", "Rappel prévu", "wrong-number", "Mauvais numéro", "note", "Note");
    static final Map<String, String> OUTCOMES = Map.of("helped-online", "Aidée en ligne",
            "booked-desk-appointment", "Rendez-vous au guichet pris", "completed-under-mandate", "Terminée sous mandat",
            "redirected", "Orientée vers un autre service", "could-not-reach", "Injoignable");

    static final Map<String, String> STATUSES = Map.of("open", "Ouvert", "claimed", "Pris en charge", "resolved", "Clos");
    static final Map<String, String> PRIORITIES = Map.of("urgent", "Urgente", "high", "Haute", "normal", "Normale");


    private MediationViews() {
    }

    /**
     * How to reach the citizen, from journey-service's contact read: {@code state} is {@code contact} (the fields below),
     * {@code online} (a journey started online, without a person record) or {@code unavailable}.
     */
    @TemplateData
    public record ContactBlock(String state, String names, String language, String needs, String phone, String phoneLink,
                               String email, String address) {
    }

    /** What a problem answer says it is: only its type is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemType(String type) {
    }

    static ContactBlock contact(PersonAnswers.Contact c) {
        String names = String.join(" ", Wording.text(c.givenNames()), Wording.text(c.familyName())).strip();
        String language = Vocabulary.language(c.preferredLanguage());
        String needs = c.accessibilityNeeds() == null || c.accessibilityNeeds().isEmpty() ? null
                : c.accessibilityNeeds().stream().map(Vocabulary::need).collect(Collectors.joining(", "));
        String phoneLink = c.phone() == null ? null : "tel:" + c.phone().replaceAll("[^+0-9]", "");
        String address = c.address() == null ? null
                : String.join(", ", Wording.text(c.address().line()), (Wording.text(c.address().postcode()) + " "
                        + Wording.text(c.address().city())).strip());
        return new ContactBlock("contact", names, language, needs, c.phone(), phoneLink, c.email(), address);
    }

    /** A refused contact read: a journey started online has no record to read (no-person-record); anything else is unavailable. */
    static ContactBlock contactRefused(Throwable failure) {
        if (failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404) {
            try {
                ProblemType problem = e.getResponse().readEntity(ProblemType.class);
                if (problem != null && problem.type() != null && problem.type().endsWith("/no-person-record")) {
                    return new ContactBlock("online", null, null, null, null, null, null, null);
                }
            } catch (RuntimeException ignored) {
                // not a problem document: unavailable
            }
        }
        return new ContactBlock("unavailable", null, null, null, null, null, null, null);
    }

    @TemplateData
    /** @param skills the skills the citizen needs, in words, and whether the reader has them; null when none or unknown */
    public record CaseRow(String id, String journeyId, String priority, String status, String what, String reason, String score,
                          String deadline, String claimedBy, String skills) {
    }

    @TemplateData
    public record Choice(String value, String label) {
    }

    static CaseRow row(MediationAnswers.Case c) {
        String deadline = c.nextDeadline() != null ? Wording.when(c.nextDeadline()) : "—";
        String priority = Wording.text(c.priority());
        String status = Wording.text(c.status());
        return new CaseRow(Wording.text(c.id()), Wording.text(c.journeyId()), PRIORITIES.getOrDefault(priority, priority),
                STATUSES.getOrDefault(status, status),
                Wording.text(c.procedureId()) + (c.stepId() != null ? " · étape " + c.stepId() : ""),
                Vocabulary.caseReason(c.reasonCode()), Vocabulary.figure(c.score()), deadline, c.claimedBy() != null ? "oui" : "non",
                skills(c));
    }

    /** "Compétences requises : langue arabe (vous les avez)", from mediation-service's routing of the case. */
    static String skills(MediationAnswers.Case c) {
        if (c.requiredSkills() == null || c.requiredSkills().isEmpty()) {
            return null;
        }
        String needed = c.requiredSkills().stream().map(Vocabulary::skill).collect(Collectors.joining(", "));
        String yours = switch (c.skillMatch() == null ? "" : c.skillMatch()) {
            case "matched" -> " (vous les avez)";
            case "open-to-all" -> " (délai de premier contact dépassé : tout médiateur du pôle peut le prendre)";
            case "missing" -> " (il vous manque : " + (c.missingSkills() == null ? "" : c.missingSkills().stream()
                    .map(Vocabulary::skill).collect(Collectors.joining(", "))) + ")";
            default -> "";
        };
        return "Compétences requises : " + needed + yours;
    }

    /** Each signal's share of the friction score, in words; none when the explanation could not be read. */
    static List<Line> signals(MediationAnswers.Friction friction) {
        if (friction == null || friction.contributions() == null) {
            return List.of();
        }
        return friction.contributions().stream().map(s -> new Line(Wording.when(s.occurredAt()), Vocabulary.signal(s.kind())
                + (s.stepId() != null ? " à l'étape " + s.stepId() : "")
                + " · " + Wording.channel(s.channel()) + " · " + Vocabulary.figure(s.points()) + " points")).toList();
    }

    static List<Line> history(MediationAnswers.CaseDetail detail) {
        if (detail.history() == null) {
            return List.of();
        }
        return detail.history().stream().map(h -> new Line(Wording.when(h.at()), Vocabulary.caseAction(h.action())
                + (h.code() != null ? " : " + historyCode(h.code()) : "")
                + (h.note() != null ? " — " + h.note() : ""))).toList();
    }

    /** A history line's code: a contact or case outcome, or why the case was opened. */
    private static String historyCode(String code) {
        return CONTACTS.getOrDefault(code, OUTCOMES.getOrDefault(code, Vocabulary.caseReason(code)));
    }

    /**
     * The score as a level with its rounded figure, or the threshold rounded; "?" when the explanation could not
     * be read.
     */
    static String figure(MediationAnswers.Friction friction, boolean threshold) {
        if (friction == null) {
            return "?";
        }
        return threshold ? Vocabulary.figure(friction.threshold()) : Vocabulary.frictionLevel(friction.score(), friction.threshold());
    }

    static List<Choice> choices(Map<String, String> words) {
        return words.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }

    /** A refusal of mediation-service (its HTTP status) in words. */
    static String refusal(String message) {
        if (message == null) {
            return null;
        }
        return switch (message) {
            case "http-409" -> "Ce dossier a déjà été pris par un autre médiateur, son état ne permet pas cette action, ou il"
                    + " attend un médiateur ayant une compétence que vous n'avez pas (langue, handicap) jusqu'à son échéance de premier contact.";
            case "http-403" -> "Ce dossier n'est pas dans vos pôles, ou vous ne l'avez pas pris en charge.";
            case "http-400" -> "Vérifiez la saisie : l'issue est obligatoire et la note ne doit contenir aucune donnée sensible.";
            default -> message.matches("http-[0-9]{3}") ? "Action impossible pour le moment (" + message + ")." : null;
        };
    }
}
