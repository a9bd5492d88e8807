package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the pages show, read from the services' JSON: plain records the templates can walk. */
public final class Views {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private static final Map<String, String> STATUS = Map.of(
            "IN_PROGRESS", "En cours", "HANDOFF_PENDING", "En attente d'un agent", "WITH_AGENT", "Pris en charge par un agent",
            "ESCALATED", "Suivi par un médiateur", "COMPLETED", "Terminée", "ABANDONED", "Abandonnée", "CANCELLED", "Annulée");

    private Views() {
    }

    @TemplateData
    public record Field(String name, String label, String type, boolean required, String pattern, List<String> options,
                        String value, String error) {
        public String inputId() {
            return "champ-" + name;
        }

        public String errorId() {
            return "erreur-" + name;
        }

        public boolean choice() {
            return "choice".equals(type);
        }

        public String inputType() {
            return switch (type == null ? "" : type) {
                case "date" -> "date";
                case "number" -> "number";
                default -> "text";
            };
        }

        public String hint() {
            if ("date".equals(type)) {
                return "Format : jj/mm/aaaa.";
            }
            if ("^[0-9]{5}$".equals(pattern)) {
                return "5 chiffres, par exemple 93300.";
            }
            return null;
        }
    }

    @TemplateData
    public record Step(String id, String title, List<Field> fields) {
    }

    @TemplateData
    public record Procedure(String id, String title, List<Step> steps) {
        public Step step(String stepId) {
            return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
        }

        public String stepTitle(String stepId) {
            Step step = stepId == null ? null : step(stepId);
            return step == null ? stepId : step.title();
        }
    }

    @TemplateData
    public record Line(String when, String text) {
    }

    @TemplateData
    public record Summary(String id, String procedureTitle, String status, String statusLabel, String currentStep,
                          String resumeCode) {
    }

    @TemplateData
    /** A mandate still running, as its citizen sees it: the site, until when, and its id to withdraw it. */
    public record MandateLine(String id, String site, String until) {
    }

    /** The journey's running mandates (not withdrawn, not expired) from journey-service's view for the citizen. */
    public static List<MandateLine> runningMandates(JsonNode journey) {
        List<MandateLine> running = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (JsonNode m : journey.path("mandates")) {
            if (!m.path("revoked").asBoolean() && java.time.Instant.parse(m.path("expiresAt").asText()).isAfter(now)) {
                running.add(new MandateLine(m.path("mandateId").asText(), m.path("site").asText(), when(m.path("expiresAt").asText())));
            }
        }
        return running;
    }

    public record Site(String id, String name) {
    }

    public static Procedure procedure(JsonNode json) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : json.path("steps")) {
            steps.add(new Step(step.path("id").asText(), step.path("title").asText(step.path("id").asText()),
                    fields(step, Map.of(), Map.of())));
        }
        return new Procedure(json.path("id").asText(), json.path("title").asText(json.path("id").asText()), steps);
    }

    /** The fields of one step, with the values to show again and the message of each invalid field. */
    public static List<Field> fields(JsonNode step, Map<String, String> values, Map<String, String> errors) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode field : step.path("fields")) {
            String name = field.path("name").asText();
            List<String> options = new ArrayList<>();
            field.path("options").forEach(option -> options.add(option.asText()));
            fields.add(new Field(name, field.path("label").asText(name), field.path("type").asText("text"),
                    field.path("required").asBoolean(false), field.path("pattern").asText(null), options,
                    values.getOrDefault(name, ""), errors.get(name)));
        }
        return fields;
    }

    public static JsonNode stepJson(JsonNode procedure, String stepId) {
        for (JsonNode step : procedure.path("steps")) {
            if (step.path("id").asText().equals(stepId)) {
                return step;
            }
        }
        return null;
    }

    public static String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    public static String when(String instant) {
        try {
            return WHEN.format(Instant.parse(instant));
        } catch (RuntimeException unreadable) {
            return instant;
        }
    }

    /** The timeline in words a citizen reads: what happened, on which channel, by whom (a role, never a name). */
    public static List<Line> timeline(JsonNode journey, Procedure procedure) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode entry : journey.path("timeline")) {
            String step = entry.hasNonNull("stepId") ? " — " + procedure.stepTitle(entry.get("stepId").asText()) : "";
            String by = entry.hasNonNull("actorRole") ? " (" + role(entry.get("actorRole").asText())
                    + (entry.hasNonNull("actorSite") ? ", " + entry.get("actorSite").asText() : "") + ")" : "";
            lines.add(new Line(when(entry.path("at").asText()), event(entry.path("what").asText()) + step
                    + " · " + channel(entry.path("channel").asText()) + by));
        }
        return lines;
    }

    public static Map<String, Map<String, String>> answers(JsonNode journey) {
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        journey.path("answers").fields().forEachRemaining(step -> {
            Map<String, String> values = new LinkedHashMap<>();
            step.getValue().fields().forEachRemaining(value -> values.put(value.getKey(), value.getValue().asText()));
            answers.put(step.getKey(), values);
        });
        return answers;
    }

    public static String role(String role) {
        return switch (role) {
            case "citizen" -> "vous";
            case "counter-agent" -> "agent d'accueil";
            case "phone-agent" -> "conseiller téléphonique";
            case "mediator" -> "médiateur numérique";
            case "system" -> "Relais";
            default -> role;
        };
    }

    public static String channel(String channel) {
        return switch (channel == null ? "" : channel.toLowerCase(Locale.ROOT)) {
            case "portal" -> "en ligne";
            case "phone" -> "au téléphone";
            case "desk" -> "au guichet";
            case "system" -> "automatique";
            default -> channel;
        };
    }

    static String event(String what) {
        return switch (what) {
            case "journey-started" -> "Démarche commencée";
            case "step-completed" -> "Étape complétée";
            case "went-back" -> "Retour à une étape";
            case "handoff-requested" -> "Demande de suite sur un autre canal";
            case "journey-claimed" -> "Prise en charge par un agent";
            case "journey-released" -> "Rendue pour suite en ligne";
            case "presence-recorded" -> "Présence au guichet enregistrée";
            case "journey-escalated" -> "Confiée à un médiateur";
            case "journey-deescalated" -> "Médiation terminée";
            case "mandate-granted" -> "Mandat donné";
            case "mandate-revoked" -> "Mandat retiré";
            case "journey-completed" -> "Démarche terminée";
            default -> what.replace('-', ' ');
        };
    }

    public static String fieldMessage(String rule) {
        return switch (rule) {
            case "required" -> "Ce champ est obligatoire : merci de le remplir.";
            case "max-length" -> "Ce texte est trop long : raccourcissez-le.";
            case "date" -> "Cette date n'est pas valide : utilisez le format jj/mm/aaaa.";
            case "number" -> "Indiquez un nombre, en chiffres.";
            case "choice" -> "Choisissez une des réponses proposées.";
            case "pattern" -> "Le format n'est pas le bon : vérifiez l'exemple donné sous le champ.";
            case "date-in-future" -> "Cette date ne peut pas être dans le futur.";
            case "unknown-field" -> "Ce champ n'est pas attendu à cette étape.";
            default -> "Cette valeur n'est pas acceptée (" + rule + ").";
        };
    }
}
