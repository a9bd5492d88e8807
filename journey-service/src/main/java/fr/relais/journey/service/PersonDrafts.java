package fr.relais.journey.service;

import fr.relais.journey.domain.PersonCodes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a typed person draft (or a citizen's own contact change) field by field, so the agent or the citizen sees every
 * mistake at once, named by field.
 */
final class PersonDrafts {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '’.\\-]{0,99}");
    private static final Pattern FRENCH_PHONE = Pattern.compile("(?:\\+33|0033|0)([1-9]\\d{8})");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final String BIRTH_DATE_EXPECTED = "date de naissance attendue, par exemple 02/11/1951, passée et après 1900";
    private static final String PHONE_FOR_CONSENT = "un accord pour les SMS ou les appels demande un numéro de téléphone";
    private static final String EMAIL_FOR_CONSENT = "un accord pour les e-mails demande une adresse e-mail";
    private static final String ADDRESS_FOR_CONSENT = "un accord pour les courriers demande une adresse postale";

    private PersonDrafts() {
    }

    static List<PersonViews.FieldError> errors(PersonViews.Draft draft, LocalDate today) {
        List<PersonViews.FieldError> errors = new ArrayList<>();
        if (draft == null) {
            errors.add(new PersonViews.FieldError("body", "une fiche personne est attendue"));
            return errors;
        }
        name("givenNames", draft.givenNames(), errors);
        name("familyName", draft.familyName(), errors);
        birthDate(draft.birthDate(), today).ifPresentOrElse(d -> { }, () -> errors.add(new PersonViews.FieldError("birthDate",
                BIRTH_DATE_EXPECTED)));
        contact(draft.phone(), draft.email(), draft.address(), errors);
        PersonViews.Address address = draft.address();
        if (!blank(draft.preferredLanguage()) && !PersonCodes.LANGUAGES.contains(draft.preferredLanguage())) {
            errors.add(new PersonViews.FieldError("preferredLanguage", "une langue parmi " + PersonCodes.LANGUAGES));
        }
        if (draft.accessibilityNeeds() != null && !PersonCodes.NEEDS.containsAll(draft.accessibilityNeeds())) {
            errors.add(new PersonViews.FieldError("accessibilityNeeds", "des besoins parmi " + PersonCodes.NEEDS));
        }
        PersonViews.Consents consents = draft.consents() == null ? PersonViews.Consents.NONE : draft.consents();
        if ((consents.sms() || consents.phone()) && blank(draft.phone())) {
            errors.add(new PersonViews.FieldError("consents", PHONE_FOR_CONSENT));
        }
        if (consents.email() && blank(draft.email())) {
            errors.add(new PersonViews.FieldError("consents", EMAIL_FOR_CONSENT));
        }
        if (consents.letter() && !hasAddress(address)) {
            errors.add(new PersonViews.FieldError("consents", ADDRESS_FOR_CONSENT));
        }
        return errors;
    }

    /**
     * A citizen's own contact change: the draft's rules for each contact field, a consent only with its channel's contact
     * (named by consent, e.g. {@code consents.sms}), and when her record is to be created, her account's names and the
     * birth date she gives.
     */
    static List<PersonViews.FieldError> errors(PersonViews.ContactChange change, boolean creating, String givenNames,
                                               String familyName, LocalDate today) {
        List<PersonViews.FieldError> errors = new ArrayList<>();
        if (change == null) {
            errors.add(new PersonViews.FieldError("body", "vos coordonnées et vos accords sont attendus"));
            return errors;
        }
        if (creating) {
            name("givenNames", givenNames, errors);
            name("familyName", familyName, errors);
            if (birthDate(change.birthDate(), today).isEmpty()) {
                errors.add(new PersonViews.FieldError("birthDate", BIRTH_DATE_EXPECTED));
            }
        }
        contact(change.phone(), change.email(), change.address(), errors);
        PersonViews.MessageConsents consents = change.consents() == null ? PersonViews.MessageConsents.NONE : change.consents();
        if (consents.email() && blank(change.email())) {
            errors.add(new PersonViews.FieldError("consents.email", EMAIL_FOR_CONSENT));
        }
        if (consents.sms() && blank(change.phone())) {
            errors.add(new PersonViews.FieldError("consents.sms", PHONE_FOR_CONSENT));
        }
        if (consents.letter() && !hasAddress(change.address())) {
            errors.add(new PersonViews.FieldError("consents.letter", ADDRESS_FOR_CONSENT));
        }
        return errors;
    }

    /** An address is given when its line is: an all-blank address is none (a partly filled one is an error above). */
    static boolean hasAddress(PersonViews.Address address) {
        return address != null && !blank(address.line());
    }

    /** The shape of each contact field given (all are optional). */
    private static void contact(String phone, String email, PersonViews.Address address, List<PersonViews.FieldError> errors) {
        if (!blank(phone) && phone(phone).isEmpty()) {
            errors.add(new PersonViews.FieldError("phone", "numéro de téléphone attendu, par exemple 05 55 12 34 56 ou +33 5 55 12 34 56"));
        }
        if (!blank(email) && !EMAIL.matcher(email.strip()).matches()) {
            errors.add(new PersonViews.FieldError("email", "adresse e-mail attendue, par exemple nom@example.org"));
        }
        if (address != null && !(blank(address.line()) && blank(address.postcode()) && blank(address.city()))) {
            if (blank(address.line()) || address.line().length() > 200) {
                errors.add(new PersonViews.FieldError("address.line", "numéro et rue attendus"));
            }
            if (blank(address.postcode()) || !POSTCODE.matcher(address.postcode().strip()).matches()) {
                errors.add(new PersonViews.FieldError("address.postcode", "code postal à 5 chiffres attendu"));
            }
            if (blank(address.city()) || address.city().length() > 100) {
                errors.add(new PersonViews.FieldError("address.city", "commune attendue"));
            }
        }
    }

    static List<PersonViews.FieldError> errors(PersonViews.Search search, LocalDate today) {
        List<PersonViews.FieldError> errors = new ArrayList<>();
        if (search == null) {
            errors.add(new PersonViews.FieldError("body", "nom, prénoms et date de naissance attendus"));
            return errors;
        }
        name("givenNames", search.givenNames(), errors);
        name("familyName", search.familyName(), errors);
        if (birthDate(search.birthDate(), today).isEmpty()) {
            errors.add(new PersonViews.FieldError("birthDate", "date de naissance attendue, par exemple 02/11/1951"));
        }
        return errors;
    }

    /** A birth date: an existing calendar date, after 1900 and not in the future. */
    static Optional<LocalDate> birthDate(String typed, LocalDate today) {
        return CheckValues.birthDate(typed).map(LocalDate::parse)
                .filter(d -> d.getYear() >= 1900 && !d.isAfter(today));
    }

    /** The number in international form ({@code +33555123456}), or empty when it is not a phone number. */
    static Optional<String> phone(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s.\\-()]", "");
        var french = FRENCH_PHONE.matcher(compact);
        if (french.matches()) {
            return Optional.of("+33" + french.group(1));
        }
        return INTERNATIONAL_PHONE.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    private static void name(String field, String value, List<PersonViews.FieldError> errors) {
        if (blank(value) || !NAME.matcher(value.strip()).matches()) {
            errors.add(new PersonViews.FieldError(field, "lettres, espaces, traits d'union ou apostrophes ; 100 caractères au plus"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
