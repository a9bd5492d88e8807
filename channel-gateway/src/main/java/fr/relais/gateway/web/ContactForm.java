package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ContactAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Comment vous joindre": the citizen's e-mail, mobile phone and postal address, the channels she accepts messages on,
 * and her birth date while she has no person record yet. Form names are journey-service's field names
 * ({@code address.line}, {@code consents.sms}…), so that each of its field errors lands next to its input.
 */
final class ContactForm {

    static final String SAVED = "enregistre";

    private static final Map<String, String> CONSENT_LABELS = Map.of("email", "Recevoir les messages par e-mail",
            "sms", "Recevoir les messages par SMS", "letter", "Recevoir les messages par courrier");
    private static final List<String> CHANNELS = List.of("email", "sms", "letter");

    private ContactForm() {
    }

    /** A text input with its label, hint, error, and what it is for the browser's autofill. */
    @TemplateData
    public record Input(String name, String label, String value, String error, String hint, String type, String autocomplete,
                        String inputMode) {

        public String inputId() {
            return "contact-" + name.replace('.', '-');
        }

        public String errorId() {
            return "erreur-" + inputId();
        }

        public String hintId() {
            return "aide-" + inputId();
        }

        public String describedBy() {
            return ((error != null ? errorId() : "") + (error != null && hint != null ? " " : "") + (hint != null ? hintId() : ""));
        }
    }

    /** One channel's checkbox: checked when she accepts it, with journey-service's message when it lacks its contact. */
    @TemplateData
    public record Consent(String value, String label, boolean checked, String error) {
        public String inputId() {
            return "recevoir-" + value;
        }

        public String errorId() {
            return "erreur-" + inputId();
        }
    }

    /** A refused field in the summary above the form: a link to its input, its label and message. */
    @TemplateData
    public record Refused(String inputId, String text) {
    }

    /** An error that names no input of the form (her account's names, the whole body): shown in the summary only. */
    @TemplateData
    public record Other(String message) {
    }

    /**
     * The whole form as the page shows it.
     *
     * @param birthDate only while she has no person record (null otherwise)
     */
    @TemplateData
    public record Fields(List<Input> contact, Input birthDate, List<Consent> consents, List<Other> others, int errorCount) {

        /** The refused inputs and boxes for the summary above the form, each linking to its field: */
        public List<Refused> refused() {
            List<Refused> refused = new ArrayList<>();
            List<Input> inputs = new ArrayList<>(contact);
            if (birthDate != null) {
                inputs.add(0, birthDate);
            }
            inputs.stream().filter(i -> i.error() != null).forEach(i -> refused.add(new Refused(i.inputId(), i.label() + " : " + i.error())));
            consents.stream().filter(c -> c.error() != null).forEach(c -> refused.add(new Refused(c.inputId(), c.label() + " : " + c.error())));
            return refused;
        }
    }

    /** What journey-service has: her recorded contact and consents. */
    static Fields of(ContactAnswers.MyContact contact) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", contact.email());
        values.put("phone", contact.phone());
        PersonAnswers.Address address = contact.address();
        if (address != null) {
            values.put("address.line", address.line());
            values.put("address.postcode", address.postcode());
            values.put("address.city", address.city());
        }
        ContactAnswers.MessageConsents consents = contact.consents();
        List<String> accepted = new ArrayList<>();
        if (consents != null) {
            if (consents.email()) {
                accepted.add("email");
            }
            if (consents.sms()) {
                accepted.add("sms");
            }
            if (consents.letter()) {
                accepted.add("letter");
            }
        }
        return fields(values, accepted, Map.of(), !contact.hasPerson());
    }

    /** What she typed, with journey-service's message next to each refused field. */
    static Fields typed(MultivaluedMap<String, String> form, Map<String, String> errors, boolean askBirthDate) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("email", "phone", "address.line", "address.postcode", "address.city", "birthDate")) {
            values.put(name, form.getFirst(name));
        }
        List<String> accepted = form.get("consents") == null ? List.of() : form.get("consents");
        return fields(values, accepted, errors, askBirthDate);
    }

    /** The change to send: blank fields are sent blank (journey-service removes them), an all-blank address as none. */
    static ContactAnswers.ContactChange change(MultivaluedMap<String, String> form, boolean askBirthDate) {
        String line = trimmed(form.getFirst("address.line"));
        String postcode = trimmed(form.getFirst("address.postcode"));
        String city = trimmed(form.getFirst("address.city"));
        PersonAnswers.Address address = line.isEmpty() && postcode.isEmpty() && city.isEmpty() ? null
                : new PersonAnswers.Address(line, postcode, city);
        List<String> accepted = form.get("consents") == null ? List.of() : form.get("consents");
        return new ContactAnswers.ContactChange(trimmed(form.getFirst("email")), trimmed(form.getFirst("phone")), address,
                new ContactAnswers.MessageConsents(accepted.contains("email"), accepted.contains("sms"), accepted.contains("letter")),
                askBirthDate ? trimmed(form.getFirst("birthDate")) : null);
    }

    private static Fields fields(Map<String, String> values, List<String> accepted, Map<String, String> errors, boolean askBirthDate) {
        List<Input> contact = List.of(
                input("email", "Adresse e-mail", values, errors, "Par exemple nom@example.org.", "email", "email", null),
                input("phone", "Téléphone mobile", values, errors, "Pour les SMS, par exemple 06 12 34 56 78.", "tel", "tel", null),
                input("address.line", "Numéro et rue", values, errors, null, "text", "address-line1", null),
                input("address.postcode", "Code postal", values, errors, "5 chiffres, par exemple 23000.", "text", "postal-code", "numeric"),
                input("address.city", "Commune", values, errors, null, "text", "address-level2", null));
        Input birthDate = askBirthDate ? input("birthDate", "Date de naissance", values, errors,
                "Format : jj/mm/aaaa, par exemple 02/11/1951. Elle sert à créer votre fiche.", "text", "bday", "numeric") : null;
        List<Consent> consents = CHANNELS.stream().map(channel -> new Consent(channel, CONSENT_LABELS.get(channel),
                accepted.contains(channel), errors.get("consents." + channel))).toList();
        List<String> known = new ArrayList<>(List.of("email", "phone", "address.line", "address.postcode", "address.city",
                "consents.email", "consents.sms", "consents.letter"));
        if (askBirthDate) {
            known.add("birthDate");
        }
        List<Other> others = errors.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                .map(e -> new Other(otherMessage(e.getKey(), e.getValue()))).toList();
        return new Fields(contact, birthDate, consents, others, errors.size());
    }

    /** Her account's names are needed to create her record: she cannot type them here, so the message says what to do. */
    private static String otherMessage(String field, String message) {
        return switch (field) {
            case "givenNames", "familyName" -> "Votre compte n'indique pas vos nom et prénoms : adressez-vous à un guichet France Services.";
            default -> message == null || message.isBlank() ? "Un point est à corriger." : message;
        };
    }

    private static Input input(String name, String label, Map<String, String> values, Map<String, String> errors, String hint,
                               String type, String autocomplete, String inputMode) {
        return new Input(name, label, Wording.text(values.get(name)), errors.get(name), hint, type, autocomplete, inputMode);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    /** A refusal other than a field's, in words she can act on. */
    static String refusal(String code) {
        if (code == null || code.equals(SAVED)) {
            return null;
        }
        return switch (code) {
            case "duplicate-person" -> "Une fiche existe déjà à vos nom, prénoms et date de naissance : si une démarche a été "
                    + "commencée pour vous au guichet ou au téléphone, rattachez-la à votre compte avec son code de reprise.";
            case "bad-request-body", "invalid-field", "invalid-contact" -> "Certains champs sont à corriger.";
            default -> "Vos coordonnées n'ont pas pu être enregistrées. Réessayez dans quelques minutes.";
        };
    }
}
