package fr.relais.gateway.web;

import fr.relais.events.journey.CommandOutcome;
import fr.relais.gateway.commands.CommandResult;

/** A refused command in words the person can act on; the reason codes stay in the API's problems. */
final class CommandMessages {

    private CommandMessages() {
    }

    /** The refusal's reason code; null when accepted or still being decided (the page then shows the state as it is). */
    static String refusal(CommandResult result) {
        if (result.pending() || result.outcome().status() == CommandOutcome.Status.ACCEPTED) {
            return null;
        }
        return result.outcome().reason();
    }

    /**
     * The words for a reason code. Only codes travel in redirect URLs, so a crafted link cannot put its own text
     * on the page.
     */
    static String text(String reason) {
        if (reason == null || !reason.matches("[a-z-]{1,40}")) {
            return null;
        }
        return switch (reason) {
            case "check-in-refused" -> "Code de reprise ou date de naissance incorrects : vérifiez-les avec la personne.";
            case "already-claimed" -> "Un autre agent a déjà pris en charge cette démarche.";
            case "presence-required" -> "Cette étape demande que la personne soit présente au guichet : enregistrez son arrivée.";
            case "not-claimed" -> "Prenez d'abord la démarche en charge.";
            case "channel-not-allowed" -> "Cette étape ne peut pas se faire sur ce canal.";
            case "mandate-scope-invalid" -> "Ce mandat n'est pas possible : choisissez un lieu et une durée proposés.";
            case "site-required" -> "Choisissez un lieu d'accueil.";
            case "site-unknown" -> "Ce lieu d'accueil n'existe pas : choisissez-en un dans la liste.";
            case "not-allowed" -> "Vous n'avez pas le droit de faire cette action sur cette démarche.";
            case "aidant-not-found" -> "Aucune personne ayant un compte Relais ne porte ces nom, prénoms et date de naissance :"
                    + " votre proche doit d'abord avoir un compte (un agent France Services peut l'aider).";
            case "aidant-invalid" -> "Indiquez les prénoms, le nom et la date de naissance de votre proche, et une durée proposée.";
            case "field-invalid" -> "Certaines réponses sont à corriger : voir les messages sous les champs.";
            default -> "Cette action n'est pas possible maintenant (" + reason + ").";
        };
    }
}
