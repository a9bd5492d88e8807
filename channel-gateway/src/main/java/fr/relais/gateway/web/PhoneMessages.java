package fr.relais.gateway.web;

/**
 * What the phone console says after a form, by code (only codes travel in redirect URLs, so a crafted link cannot put
 * its own text on the page); the refusals the desk words the same (a resume code locked, a person or procedure
 * unknown, a command refused…) fall back to {@link ProblemMessages}.
 */
final class PhoneMessages {

    private PhoneMessages() {
    }

    /** @return the words, and whether it is good news (a status) rather than a refusal (an alert); null when none */
    static Message of(String code) {
        if (code == null || !code.matches("[a-z-]{1,40}")) {
            return null;
        }
        String good = switch (code) {
            case "rappel-pris" -> "Rappel pris : appelez le numéro affiché, puis indiquez ce qui s'est passé.";
            case "rappel-no-answer" -> "Pas de réponse : le rappel reste dans la liste pour un prochain essai.";
            case "rappel-call-dropped" -> "Appel coupé : le rappel reste dans la liste pour un prochain essai.";
            case "rappel-wrong-number" -> "Mauvais numéro : le rappel est clos. La démarche reste en attente d'un contact.";
            case "rappel-joint" -> "Personne jointe : vous pouvez agir sur sa démarche pendant l'appel.";
            case "demarche-rendue" -> "Démarche rendue : la personne peut continuer en ligne ou rappeler.";
            default -> null;
        };
        if (good != null) {
            return new Message(good, false);
        }
        String refusal = switch (code) {
            case "verification-incomplete" -> "Indiquez le code de reprise (8 caractères) et la date de naissance complète.";
            case "rappel-deja-pris" -> "Un collègue a déjà pris ce rappel.";
            case "rappel-introuvable" -> "Ce rappel n'est plus dans la liste : il a été traité entre-temps.";
            case "rappel-non-pris" -> "Prenez d'abord ce rappel avant d'indiquer le résultat de l'appel.";
            case "issue-inconnue" -> "Choisissez un des résultats proposés pour l'appel.";
            case "demarche-hors-delai" -> "Cette démarche n'est plus accessible : la vérification de l'appel a pris fin. "
                    + "Vérifiez à nouveau l'appelant.";
            case "verification-required" -> "La vérification de l'appel a pris fin : vérifiez à nouveau l'appelant.";
            case "service-indisponible" -> "Le service ne répond pas pour le moment : réessayez dans un instant.";
            default -> ProblemMessages.text(code);
        };
        return refusal == null ? null : new Message(refusal, true);
    }

    /** @param alert a refusal (role="alert"), otherwise a confirmation (role="status") */
    @io.quarkus.qute.TemplateData
    public record Message(String text, boolean alert) {
    }
}
