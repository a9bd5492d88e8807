package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ProcedureAnswers;
import io.quarkus.qute.TemplateData;

import java.util.List;
import java.util.Map;

/** A procedure and the form of one of its steps, as the portal and the desk show them (labels, hints, errors in words). */
final class StepForm {

    private StepForm() {
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

    /** The procedure with each step's title (its id when untitled) and empty fields. */
    static Procedure procedure(ProcedureAnswers.Procedure definition) {
        List<Step> steps = definition.steps().stream()
                .map(step -> new Step(Wording.text(step.id()), titleOf(step), fields(step, Map.of(), Map.of()))).toList();
        return new Procedure(Wording.text(definition.id()), definition.title() == null ? Wording.text(definition.id()) : definition.title(),
                steps);
    }

    /** The form of the journey's current step, or null when it has none (completed, or a step the version lacks). */
    static Step currentStep(ProcedureAnswers.Procedure definition, Procedure procedure, String current, Map<String, String> values,
                            Map<String, String> errors) {
        ProcedureAnswers.Step step = current == null ? null : definition.step(current);
        return step == null ? null : new Step(current, procedure.stepTitle(current), fields(step, values, errors));
    }

    /**
     * The fields of one step, with the values to show again and the message of each invalid field. journey-service
     * names types in capitals (CHOICE, DATE): the form compares them in lower case.
     */
    static List<Field> fields(ProcedureAnswers.Step step, Map<String, String> values, Map<String, String> errors) {
        return step.fields().stream().map(field -> {
            String name = Wording.text(field.name());
            return new Field(name, field.label() == null ? name : field.label(), field.type() == null ? "text" : field.type().toLowerCase(java.util.Locale.ROOT),
                    field.required(), field.pattern(), field.options(), values.getOrDefault(name, ""), errors.get(name));
        }).toList();
    }

    /** What to say about a field that journey-service refused, by the rule it broke. */
    static String fieldMessage(String rule) {
        return switch (Wording.text(rule)) {
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

    private static String titleOf(ProcedureAnswers.Step step) {
        return step.title() == null ? Wording.text(step.id()) : step.title();
    }
}
