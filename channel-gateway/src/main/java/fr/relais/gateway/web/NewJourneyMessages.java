package fr.relais.gateway.web;

/**
 * What the counter agent reads when finding, recording a person or starting a journey for her was refused; only
 * codes travel in redirect URLs, so a crafted link cannot put its own text on the page.
 */
final class NewJourneyMessages {

    private NewJourneyMessages() {
    }

    static String text(String code) {
        if (code == null || !code.matches("[a-z0-9-]{1,40}")) {
            return null;
        }
        return switch (code) {
            case "duplicate-person" -> "Une fiche existe déjà pour ces nom, prénoms et date de naissance : recherchez-la plutôt que d'en créer une autre.";
            case "invalid-person", "invalid-field" -> "Certains champs sont à corriger : voir les messages sous les champs.";
            case "person-required", "unknown-person" -> "Cette fiche est introuvable : recherchez de nouveau la personne.";
            case "procedure-required" -> "Choisissez la démarche à commencer.";
            case "unknown-procedure" -> "Cette démarche n'existe pas : choisissez-en une dans la liste.";
            case "no-site" -> "Votre compte n'est rattaché à aucun lieu d'accueil : demandez-le à un administrateur.";
            default -> CommandMessages.text(code);
        };
    }
}
