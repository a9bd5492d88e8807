package fr.relais.gateway.web;

/**
 * What an agent (at a desk or on the phone) reads when a downstream problem refused finding or recording a person,
 * verifying a resume code or starting a journey, by the problem's code; the refusals of journey commands fall back to
 * {@link CommandMessages}. Only codes travel in redirect URLs, so a crafted link cannot put its own text on the page.
 */
final class ProblemMessages {

    private ProblemMessages() {
    }

    static String text(String code) {
        if (code == null || !code.matches("[a-z0-9-]{1,40}")) {
            return null;
        }
        return switch (code) {
            case "duplicate-person" -> "Une fiche existe déjà pour ces nom, prénoms et date de naissance : recherchez-la plutôt que d'en créer une autre.";
            case "invalid-person", "invalid-field" -> "Certains champs sont à corriger : voir les messages sous les champs.";
            case "person-required", "unknown-person", "person-not-found" -> "Cette fiche est introuvable : recherchez de nouveau la personne.";
            case "procedure-required" -> "Choisissez la démarche à commencer.";
            case "unknown-procedure" -> "Cette démarche n'existe pas : choisissez-en une dans la liste.";
            case "no-site" -> "Votre compte n'est rattaché à aucun lieu d'accueil : demandez-le à un administrateur.";
            // a wrong code and a wrong birth date read the same, so that codes cannot be probed
            case "no-match" -> CommandMessages.text("check-in-refused");
            case "resume-code-locked" -> "Ce code de reprise est bloqué après plusieurs essais erronés : la personne doit "
                    + "se rendre dans un espace France Services avec une pièce d'identité.";
            case "too-many-lookups" -> "Trop d'essais en peu de temps : réessayez dans quelques minutes.";
            default -> CommandMessages.text(code);
        };
    }
}
