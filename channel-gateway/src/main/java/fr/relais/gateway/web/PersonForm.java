package fr.relais.gateway.web;

import fr.relais.gateway.downstream.PersonAnswers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The phone console's person forms: the exact search and the record of a caller as she declares herself. */
final class PersonForm {

    static final List<String> LANGUAGES = List.of("fr", "en", "ar", "es", "pt", "tr", "ro", "ru", "uk", "zh");
    static final List<String> NEEDS = List.of("handicap-visuel", "handicap-auditif", "lecture-difficile", "mobilite-reduite");

    private PersonForm() {
    }

    /** What the agent typed in the search, shown again as typed. */
    @TemplateData
    public record Search(String givenNames, String familyName, String birthDate) {
    }

    /**
     * One text field of the record form. {@code field} is journey-service's name for it (its errors name it so),
     * {@code name} the form's.
     */
    @TemplateData
    public record Field(String name, String field, String label, String hint, String autocomplete, String type, boolean required,
                        String value, String error) {
        public String inputId() {
            return "personne-" + name;
        }

        public String errorId() {
            return "erreur-personne-" + name;
        }

        public String hintId() {
            return "aide-personne-" + name;
        }
    }

    /** A checkbox (an accessibility need, a consent): its value, its words, whether ticked. */
    @TemplateData
    public record Box(String name, String value, String label, boolean checked) {
        public String inputId() {
            return name + "-" + value;
        }
    }

    /** A language the person may prefer, for a select. */
    @TemplateData
    public record Language(String code, String label, boolean selected) {
    }

    static PersonAnswers.Draft draftOf(Search search) {
        return new PersonAnswers.Draft(search.givenNames(), search.familyName(), search.birthDate(), null, null, null, "fr",
                List.of(), null);
    }

    /** The draft as the form posted it: blank fields left out, the address only when one of its parts is given. */
    static PersonAnswers.Draft draft(MultivaluedMap<String, String> form) {
        String line = text(form, "addressLine");
        String postcode = text(form, "postcode");
        String city = text(form, "city");
        PersonAnswers.Address address = line == null && postcode == null && city == null ? null
                : new PersonAnswers.Address(line, postcode, city);
        List<String> needs = form.getOrDefault("need", List.of()).stream().filter(NEEDS::contains).distinct().toList();
        List<String> consents = form.getOrDefault("consent", List.of());
        String language = text(form, "preferredLanguage");
        return new PersonAnswers.Draft(orEmpty(text(form, "givenNames")), orEmpty(text(form, "familyName")),
                orEmpty(text(form, "birthDate")), text(form, "phone"), text(form, "email"), address,
                language == null ? "fr" : language, needs,
                new PersonAnswers.Consents(consents.contains("email"), consents.contains("sms"), consents.contains("phone"),
                        consents.contains("letter")));
    }

    /** The text fields, with the values to show again and journey-service's message for each refused one. */
    static List<Field> fields(PersonAnswers.Draft draft, Map<String, String> errors) {
        PersonAnswers.Address address = draft.address();
        List<Field> fields = new ArrayList<>();
        fields.add(field("familyName", "familyName", "Nom de famille", null, "family-name", "text", true, draft.familyName(), errors));
        fields.add(field("givenNames", "givenNames", "Prénoms", null, "given-name", "text", true, draft.givenNames(), errors));
        fields.add(field("birthDate", "birthDate", "Date de naissance", "Format : jj/mm/aaaa.", "off", "text", true, draft.birthDate(),
                errors));
        fields.add(field("phone", "phone", "Téléphone", "Par exemple 05 55 12 34 56.", "off", "tel", false, draft.phone(), errors));
        fields.add(field("email", "email", "Adresse e-mail", null, "off", "email", false, draft.email(), errors));
        fields.add(field("addressLine", "address.line", "Numéro et rue", null, "off", "text", false,
                address == null ? null : address.line(), errors));
        fields.add(field("postcode", "address.postcode", "Code postal", "5 chiffres, par exemple 23000.", "off", "text", false,
                address == null ? null : address.postcode(), errors));
        fields.add(field("city", "address.city", "Commune", null, "off", "text", false, address == null ? null : address.city(), errors));
        return fields;
    }

    static List<Field> searchErrors(Map<String, String> errors) {
        List<Field> refused = new ArrayList<>();
        errors.forEach((field, message) -> refused.add(new Field(field, field, label(field), null, null, null, false, null, message)));
        return refused;
    }

    static List<Box> needs(List<String> ticked) {
        return NEEDS.stream().map(code -> new Box("need", code, Vocabulary.need(code), ticked != null && ticked.contains(code))).toList();
    }

    static List<Box> consents(PersonAnswers.Consents consents) {
        PersonAnswers.Consents c = consents == null ? new PersonAnswers.Consents(false, false, false, false) : consents;
        return List.of(new Box("consent", "phone", "par téléphone", c.phone()),
                new Box("consent", "sms", "par SMS", c.sms()),
                new Box("consent", "email", "par e-mail", c.email()),
                new Box("consent", "letter", "par courrier", c.letter()));
    }

    static List<Language> languages(String selected) {
        return LANGUAGES.stream().map(code -> new Language(code, Vocabulary.language(code), code.equals(selected))).toList();
    }

    private static String label(String field) {
        return switch (field) {
            case "familyName" -> "Nom de famille";
            case "givenNames" -> "Prénoms";
            case "birthDate" -> "Date de naissance";
            default -> "Recherche";
        };
    }

    private static Field field(String name, String field, String label, String hint, String autocomplete, String type, boolean required,
                               String value, Map<String, String> errors) {
        return new Field(name, field, label, hint, autocomplete, type, required, value == null ? "" : value, errors.get(field));
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
