package fr.relais.gateway.web;

import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counter agent's person forms (search, new record) and the person they find, in words: each input with its
 * label, the value typed and the message journey-service gave for it. Form names are journey-service's field names
 * ({@code givenNames}, {@code address.line}…), so that its field errors land next to their field.
 */
final class PersonForms {

    static final String IDENTITY_CHECKED = "identityChecked";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PersonForms() {
    }

    /** A text input with its label, hint and error; ids derived from the name. */
    @TemplateData
    public record Input(String name, String label, String value, String error, String hint, boolean required,
                        String autocomplete, String inputMode) {

        public String inputId() {
            return "usager-" + name.replace('.', '-');
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

    /** A found (or just recorded) person, in words. */
    @TemplateData
    public record Card(String id, String name, String birthDate, String identity, String language, String needs,
                       List<JourneyLine> journeys) {
    }

    /** One of her live journeys: procedure title, state and current step in words. */
    @TemplateData
    public record JourneyLine(String id, String procedureTitle, String status, String step) {
    }

    static List<Input> search(Map<String, String> values, Map<String, String> errors) {
        return identity(values, errors);
    }

    static List<Input> identity(Map<String, String> values, Map<String, String> errors) {
        return List.of(
                input("familyName", "Nom de famille", values, errors, null, true, "off", null),
                input("givenNames", "Prénoms", values, errors, "Tous les prénoms, comme sur la pièce d'identité.", true, "off", null),
                input("birthDate", "Date de naissance", values, errors, "Format : jj/mm/aaaa, par exemple 02/11/1951.", true, "off", "numeric"));
    }

    static List<Input> contact(Map<String, String> values, Map<String, String> errors) {
        return List.of(
                input("phone", "Téléphone", values, errors, "Par exemple 05 55 12 34 56.", false, "off", "tel"),
                input("email", "Adresse e-mail", values, errors, null, false, "off", "email"),
                input("address.line", "Numéro et rue", values, errors, null, false, "off", null),
                input("address.postcode", "Code postal", values, errors, null, false, "off", "numeric"),
                input("address.city", "Commune", values, errors, null, false, "off", null));
    }

    static List<Choice> languages(String selected) {
        String chosen = selected == null || selected.isBlank() ? "fr" : selected;
        return ContactVocabulary.LANGUAGES.entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), e.getKey().equals(chosen))).toList();
    }

    static List<Choice> choices(Map<String, String> words, List<String> checked) {
        return words.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue(), checked.contains(e.getKey()))).toList();
    }

    /** The values typed, by field name (one value each; the boxes are read by {@link #draft}). */
    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("familyName", "givenNames", "birthDate", "phone", "email", "address.line",
                "address.postcode", "address.city", "preferredLanguage")) {
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
                : new PersonAnswers.Address(v.get("address.line"), v.get("address.postcode"), v.get("address.city"));
        return new PersonAnswers.Draft(v.get("givenNames"), v.get("familyName"), v.get("birthDate"), blankToNull(v.get("phone")),
                blankToNull(v.get("email")), address, blankToNull(v.get("preferredLanguage")), boxes(form, "accessibilityNeeds"),
                new PersonAnswers.Consents(consents.contains("email"), consents.contains("sms"), consents.contains("phone"),
                        consents.contains("letter")));
    }

    static PersonAnswers.Search searchOf(MultivaluedMap<String, String> form) {
        Map<String, String> v = values(form);
        return new PersonAnswers.Search(v.get("givenNames"), v.get("familyName"), v.get("birthDate"));
    }

    /** The boxes ticked in a group, each a code of its list (anything else is dropped). */
    static List<String> boxes(MultivaluedMap<String, String> form, String group) {
        List<String> values = form.get(group) == null ? List.of() : form.get(group);
        Set<String> known = switch (group) {
            case "consents" -> ContactVocabulary.CONSENTS.keySet();
            case "accessibilityNeeds" -> ContactVocabulary.NEEDS.keySet();
            case "windows" -> Set.copyOf(ContactVocabulary.windows());
            default -> Set.of();
        };
        return values.stream().filter(known::contains).distinct().toList();
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
        return new Card(person.personId().toString(), person.givenNames() + " " + person.familyName(),
                person.birthDate() == null ? "" : DAY.format(person.birthDate()), ContactVocabulary.identity(person.identity()),
                ContactVocabulary.language(person.preferredLanguage()),
                String.join(", ", needs.stream().map(ContactVocabulary::need).toList()), journeys);
    }

    private static Input input(String name, String label, Map<String, String> values, Map<String, String> errors, String hint,
                               boolean required, String autocomplete, String inputMode) {
        return new Input(name, label, values.getOrDefault(name, ""), errors.get(name), hint, required, autocomplete, inputMode);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
