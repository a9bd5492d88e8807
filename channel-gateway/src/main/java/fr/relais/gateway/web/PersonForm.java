package fr.relais.gateway.web;

import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The person forms of the desk's and the phone's "new journey" (the exact search, the new record) and the person
 * they find, in words: each input with its label, the value typed and the message journey-service gave for it. Form
 * names are journey-service's field names ({@code givenNames}, {@code address.line}…), so that its field errors land
 * next to their field. Each console keeps its own ids ({@link Ids}): its pages and their tests name them.
 */
final class PersonForm {

    static final String IDENTITY_CHECKED = "identityChecked";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final List<String> NAMES = List.of("familyName", "givenNames", "birthDate", "phone", "email", "address.line",
            "address.postcode", "address.city", "preferredLanguage");

    private PersonForm() {
    }

    /**
     * How a console names the form's ids: inputs {@code <input>-familyName}, checkboxes {@code <need>-handicap-visuel}
     * and {@code <consent>-sms}, the consents' error {@code consentsError}.
     */
    @TemplateData
    public record Ids(String input, String need, String consent, String consentsError) {
        public String language() {
            return input + "-langue";
        }

        public String languageError() {
            return "erreur-" + language();
        }

        public String needsError() {
            return "erreur-" + input + "-besoins";
        }
    }

    static final Ids DESK = new Ids("usager", "besoin", "accord", "erreur-usager-accords");
    static final Ids PHONE = new Ids("personne", "need", "consent", "erreur-accords");

    /** A text input with its label, hint and error; ids derived from the name. */
    @TemplateData
    public record Input(String prefix, String name, String label, String value, String error, String hint, boolean required,
                        String type, String inputMode) {

        public String inputId() {
            return prefix + "-" + name.replace('.', '-');
        }

        public String errorId() {
            return "erreur-" + inputId();
        }

        public String hintId() {
            return "aide-" + inputId();
        }

        /** The ids aria-describedby names: the error first, then the hint. */
        public String describedBy() {
            return ((error != null ? errorId() : "") + (error != null && hint != null ? " " : "") + (hint != null ? hintId() : ""));
        }
    }

    /** One box of a group of checkboxes, or one option of a list: the code sent back, the words shown. */
    @TemplateData
    public record Choice(String value, String label, boolean checked) {
    }

    /** The record form as a page shows it: values typed, journey-service's message next to each refused field. */
    @TemplateData
    public record Fields(Ids ids, List<Input> identity, List<Input> contact, List<Choice> languages, String languageError,
                         List<Choice> needs, String needsError, List<Choice> consents, String consentsError, int errorCount) {

        /** The refused inputs, for the summary above the form (its links lead to them). */
        public List<Input> refused() {
            List<Input> refused = new ArrayList<>();
            identity.stream().filter(i -> i.error() != null).forEach(refused::add);
            contact.stream().filter(i -> i.error() != null).forEach(refused::add);
            return refused;
        }
    }

    /** A found (or just recorded) person, in words. */
    @TemplateData
    public record Card(String id, String name, String birthDate, String identity, String phone, String language, String needs,
                       String consents, List<ConsentChoice> consentChoices, List<JourneyLine> journeys) {
    }

    /** One purpose she may give or withdraw on her word at the desk or on the phone ({@code code}: journey-service's purpose). */
    @TemplateData
    public record ConsentChoice(String code, String label, boolean given) {
    }

    /** One of her live journeys: procedure title, state and current step in words. */
    @TemplateData
    public record JourneyLine(String id, String procedureTitle, String status, String step) {
    }

    /** The search's three inputs: the names and the full birth date. */
    static List<Input> search(Ids ids, Map<String, String> values, Map<String, String> errors) {
        return List.of(
                input(ids, "familyName", "Nom de famille", values, errors, null, true, "text", null),
                input(ids, "givenNames", "Prénoms", values, errors, "Tous les prénoms, comme sur la pièce d'identité.", true, "text", null),
                input(ids, "birthDate", "Date de naissance", values, errors, "Format : jj/mm/aaaa, par exemple 02/11/1951.", true, "text",
                        "numeric"));
    }

    /** The search's inputs journey-service refused, each with its message. */
    static List<Input> searchErrors(Ids ids, Map<String, String> values, Map<String, String> errors) {
        return search(ids, values, errors).stream().filter(i -> i.error() != null).toList();
    }

    /** The record form, empty but for what was typed in the search. */
    static Fields fields(Ids ids, Map<String, String> values) {
        return fields(ids, values, Map.of(), List.of(), List.of());
    }

    /** The record form again after a refusal: every value as typed, each refused field with its message. */
    static Fields fields(Ids ids, MultivaluedMap<String, String> form, Map<String, String> errors) {
        return fields(ids, values(form), errors, boxes(form, "accessibilityNeeds"), boxes(form, "consents"));
    }

    private static Fields fields(Ids ids, Map<String, String> values, Map<String, String> errors, List<String> needs,
                                 List<String> consents) {
        List<Input> contact = List.of(
                input(ids, "phone", "Téléphone", values, errors, "Par exemple 05 55 12 34 56.", false, "tel", null),
                input(ids, "email", "Adresse e-mail", values, errors, null, false, "email", null),
                input(ids, "address.line", "Numéro et rue", values, errors, null, false, "text", null),
                input(ids, "address.postcode", "Code postal", values, errors, "5 chiffres, par exemple 23000.", false, "text", "numeric"),
                input(ids, "address.city", "Commune", values, errors, null, false, "text", null));
        String language = values.getOrDefault("preferredLanguage", "");
        String chosen = language.isBlank() ? "fr" : language;
        return new Fields(ids, search(ids, values, errors), contact,
                Vocabulary.LANGUAGES.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue(), e.getKey().equals(chosen))).toList(),
                errors.get("preferredLanguage"), choices(Vocabulary.NEEDS, needs), errors.get("accessibilityNeeds"),
                choices(Vocabulary.CONSENTS, consents), errors.get("consents"), errors.size());
    }

    /** The values typed, by field name (one value each; the boxes are read by {@link #draft}). */
    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = form.getFirst(name);
            values.put(name, value == null ? "" : value.strip());
        }
        return values;
    }

    /** The record to create from the form: blank optional fields left out, codes of the closed lists only. */
    static PersonAnswers.Draft draft(MultivaluedMap<String, String> form) {
        Map<String, String> v = values(form);
        List<String> consents = boxes(form, "consents");
        PersonAnswers.Address address = v.get("address.line").isEmpty() && v.get("address.postcode").isEmpty()
                && v.get("address.city").isEmpty() ? null
                : new PersonAnswers.Address(blankToNull(v.get("address.line")), blankToNull(v.get("address.postcode")),
                blankToNull(v.get("address.city")));
        return new PersonAnswers.Draft(v.get("givenNames"), v.get("familyName"), v.get("birthDate"), blankToNull(v.get("phone")),
                blankToNull(v.get("email")), address, blankToNull(v.get("preferredLanguage")), boxes(form, "accessibilityNeeds"),
                new PersonAnswers.Consents(consents.contains("email"), consents.contains("sms"), consents.contains("phone"),
                        consents.contains("letter"), consents.contains("surveys")));
    }

    static PersonAnswers.Search searchOf(MultivaluedMap<String, String> form) {
        Map<String, String> v = values(form);
        return new PersonAnswers.Search(v.get("givenNames"), v.get("familyName"), v.get("birthDate"));
    }

    /** The boxes ticked in a group, each a code of its list (anything else is dropped). */
    static List<String> boxes(MultivaluedMap<String, String> form, String group) {
        List<String> values = form.get(group) == null ? List.of() : form.get(group);
        Set<String> known = switch (group) {
            case "consents" -> Vocabulary.CONSENTS.keySet();
            case "accessibilityNeeds" -> Vocabulary.NEEDS.keySet();
            case "windows" -> Set.copyOf(Vocabulary.windowCodes());
            default -> Set.of();
        };
        return values.stream().filter(known::contains).distinct().toList();
    }

    /** The procedures an agent may start, by title. */
    static List<Option> procedureOptions(Map<String, StepForm.Procedure> procedures) {
        return procedures.values().stream().sorted(Comparator.comparing(StepForm.Procedure::title))
                .map(p -> new Option(p.id(), p.title())).toList();
    }

    static Card card(PersonAnswers.Person person, Map<String, StepForm.Procedure> procedures) {
        List<JourneyLine> journeys = new ArrayList<>();
        if (person.journeys() != null) {
            for (JourneyAnswers.Summary journey : person.journeys()) {
                StepForm.Procedure procedure = procedures.get(Wording.text(journey.procedureId()));
                journeys.add(new JourneyLine(Wording.text(journey.id()),
                        procedure == null ? "Démarche" : procedure.title(), Wording.status(Wording.text(journey.status())),
                        procedure == null || journey.currentStep() == null ? null : procedure.stepTitle(journey.currentStep())));
            }
        }
        List<String> needs = person.accessibilityNeeds() == null ? List.of() : person.accessibilityNeeds();
        return new Card(Wording.text(person.personId()), Wording.text(person.givenNames()) + " " + Wording.text(person.familyName()),
                person.birthDate() == null ? "" : DAY.format(person.birthDate()), Vocabulary.identity(person.identity()),
                person.phone(), Vocabulary.language(person.preferredLanguage()),
                String.join(", ", needs.stream().map(Vocabulary::need).toList()), consents(person.consents()),
                consentChoices(person.consents()), journeys);
    }

    /** The form's consent codes as journey-service's purposes. */
    private static final Map<String, String> PURPOSES = Map.of("phone", "calls", "sms", "messages-sms",
            "email", "messages-email", "letter", "messages-letter", "surveys", "surveys");

    private static List<ConsentChoice> consentChoices(PersonAnswers.Consents consents) {
        PersonAnswers.Consents held = consents == null ? new PersonAnswers.Consents(false, false, false, false, false) : consents;
        Map<String, Boolean> given = Map.of("phone", held.phone(), "sms", held.sms(), "email", held.email(),
                "letter", held.letter(), "surveys", held.surveys());
        return Vocabulary.CONSENTS.entrySet().stream().map(e -> new ConsentChoice(PURPOSES.get(e.getKey()), e.getValue(),
                given.getOrDefault(e.getKey(), false))).toList();
    }

    /** The channels she agreed to, in a phrase ("appels, SMS"); "aucun" when none. */
    private static String consents(PersonAnswers.Consents consents) {
        if (consents == null) {
            return "aucun";
        }
        List<String> yes = new ArrayList<>();
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
        if (consents.surveys()) {
            yes.add("questionnaires");
        }
        return yes.isEmpty() ? "aucun" : String.join(", ", yes);
    }

    private static List<Choice> choices(Map<String, String> words, List<String> checked) {
        return words.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue(), checked.contains(e.getKey()))).toList();
    }

    private static Input input(Ids ids, String name, String label, Map<String, String> values, Map<String, String> errors, String hint,
                               boolean required, String type, String inputMode) {
        return new Input(ids.input(), name, label, values.getOrDefault(name, ""), errors.get(name), hint, required, type, inputMode);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
