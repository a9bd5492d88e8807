package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ConsentAnswers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Her consents in plain French: what each purpose means, since when it is given and through which channel. */
final class ConsentWording {

    /** What she agrees to, as a sentence she can check. */
    static final Map<String, String> PURPOSES = Map.of(
            "messages-email", "Recevoir par e-mail les messages sur mes démarches et mes rendez-vous",
            "messages-sms", "Recevoir par SMS les messages sur mes démarches et mes rendez-vous",
            "messages-letter", "Recevoir par courrier les messages sur mes démarches (imprimés par un lieu France Services)",
            "calls", "Qu'un agent puisse m'appeler pour m'aider dans mes démarches",
            "surveys", "Qu'on me demande mon avis à la fin d'une démarche (trois questions, facultatif)");
    static final Map<String, String> NEEDS = Map.of("email", "une adresse e-mail", "phone", "un numéro de téléphone",
            "address", "une adresse postale");
    static final Map<String, String> CHANNELS = Map.of("portal", "sur le portail", "desk", "au guichet",
            "phone", "au téléphone", "system", "par Relais", "record", "à la création de votre fiche");
    static final Map<String, String> MESSAGES = Map.of(
            "given", "Votre accord est enregistré.",
            "withdrawn", "Votre accord est retiré : il ne sert plus à partir de maintenant.",
            "contact-missing", "Cet accord demande un moyen de vous joindre que Relais n'a pas : ajoutez-le d'abord sur la page « Comment vous joindre ».",
            "no-person-record", "Relais n'a pas encore de fiche à votre nom : elle se crée avec vos coordonnées (page « Comment vous joindre ») ou au guichet.",
            "invalid-field", "Cet accord n'existe pas.");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm").withZone(ZoneId.of("Europe/Paris"));

    /** One purpose on her page: whether it is given, since when and how, or what it is missing. */
    record Line(String code, String text, boolean given, String since, String missing) {
    }

    /** One record of the history. */
    record Past(String text, String given, String withdrawn) {
    }

    private ConsentWording() {
    }

    static List<Line> purposes(ConsentAnswers.Mine mine) {
        return mine.purposes().stream().map(p -> new Line(p.purpose(), PURPOSES.getOrDefault(p.purpose(), p.purpose()), p.given(),
                p.given() && p.givenAt() != null ? "Donné le " + when(p.givenAt()) + " " + channel(p.givenVia()) : "",
                !p.given() && p.contactMissing() ? "Demande d'abord " + NEEDS.getOrDefault(p.contactNeeded(), p.contactNeeded())
                        + " dans vos coordonnées." : null)).toList();
    }

    static List<Past> history(ConsentAnswers.Mine mine) {
        return mine.history().stream().map(e -> new Past(PURPOSES.getOrDefault(e.purpose(), e.purpose()),
                when(e.givenAt()) + " " + channel(e.givenVia()),
                e.withdrawnAt() == null ? "En vigueur" : "Retiré le " + when(e.withdrawnAt()) + " " + channel(e.withdrawnVia())))
                .toList();
    }

    static String message(String code) {
        return code == null ? null : MESSAGES.getOrDefault(code, "Le changement n'a pas abouti (" + code + ").");
    }

    private static String when(Instant at) {
        return WHEN.format(at);
    }

    private static String channel(String via) {
        return via == null ? "" : CHANNELS.getOrDefault(via, via);
    }
}
