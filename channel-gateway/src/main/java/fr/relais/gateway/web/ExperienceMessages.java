package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ExperienceAnswers;

import java.util.Set;

/**
 * What the pages say after a survey, a difficulty flagged, a comment moderated or an answer published (issue 21), by
 * code: only codes travel in redirect URLs, so a crafted link cannot put its own text on a page. The citizen reads them
 * addressed to her; an agent reads them about "la personne". Any failure of mediation-service is one of these codes,
 * never a 5xx page.
 */
final class ExperienceMessages {

    static final String SURVEY_THANKS = "questionnaire-merci";
    static final String SURVEY_THANKS_PENDING = "questionnaire-merci-commentaire";
    static final String SURVEY_THANKS_REDACTED = "questionnaire-merci-retraits";
    static final String SURVEY_SKIPPED = "questionnaire-passe";
    static final String SURVEY_EMPTY = "questionnaire-vide";
    static final String SURVEY_ALREADY = "questionnaire-deja-repondu";
    static final String SURVEY_INVALID = "questionnaire-invalide";
    static final String SURVEY_REFUSED = "questionnaire-refuse";
    static final String SURVEY_UNAVAILABLE = "questionnaire-indisponible";
    static final String FLAG_SENT = "difficulte-signalee";
    static final String FLAG_MISSING = "difficulte-a-choisir";
    static final String FLAG_REFUSED = "difficulte-refusee";
    static final String FLAG_UNAVAILABLE = "difficulte-indisponible";
    static final String COMMENT_PUBLISHED = "commentaire-publie";
    static final String COMMENT_REJECTED = "commentaire-rejete";
    static final String MODERATION_REFUSED = "moderation-refusee";
    static final String ANSWER_PUBLISHED = "reponse-publiee";
    static final String ANSWER_INVALID = "reponse-invalide";
    static final String ANSWER_REFUSED = "reponse-refusee";
    static final String UNAVAILABLE = "experience-indisponible";

    private static final Set<String> CODES = Set.of(SURVEY_THANKS, SURVEY_THANKS_PENDING, SURVEY_THANKS_REDACTED, SURVEY_SKIPPED,
            SURVEY_EMPTY, SURVEY_ALREADY, SURVEY_INVALID, SURVEY_REFUSED, SURVEY_UNAVAILABLE, FLAG_SENT, FLAG_MISSING, FLAG_REFUSED,
            FLAG_UNAVAILABLE, COMMENT_PUBLISHED, COMMENT_REJECTED, MODERATION_REFUSED, ANSWER_PUBLISHED, ANSWER_INVALID,
            ANSWER_REFUSED, UNAVAILABLE);

    private ExperienceMessages() {
    }

    /** Whether {@code code} is one of these pages' codes (the journey pages then leave it out of their own messages). */
    static boolean isOne(String code) {
        return code != null && CODES.contains(code);
    }

    /** The code to redirect with once mediation-service recorded a survey: thanks, and what became of the comment. */
    static String recorded(ExperienceAnswers.SurveyRecorded recorded) {
        if (recorded != null && recorded.redactions() > 0) {
            return SURVEY_THANKS_REDACTED;
        }
        return recorded != null && "pending".equals(recorded.commentStatus()) ? SURVEY_THANKS_PENDING : SURVEY_THANKS;
    }

    /** The code of a survey mediation-service did not record: already answered, invalid, refused, or no answer at all. */
    static String surveyFailure(Throwable failure) {
        return Refusal.of(failure).map(refusal -> {
            if (refusal.is("survey-already-answered") || refusal.status() == 409) {
                return SURVEY_ALREADY;
            }
            if (refusal.is("invalid-survey") || refusal.status() == 400) {
                return SURVEY_INVALID;
            }
            return SURVEY_REFUSED;
        }).orElse(SURVEY_UNAVAILABLE);
    }

    static String flagFailure(Throwable failure) {
        return Refusal.of(failure).map(refusal -> FLAG_REFUSED).orElse(FLAG_UNAVAILABLE);
    }

    /** An owner's action (moderation, answer) not done: refused by mediation-service, or no answer from it. */
    static String ownerFailure(Throwable failure, String refused) {
        return Refusal.of(failure).map(refusal -> refusal.status() == 400 && ANSWER_REFUSED.equals(refused) ? ANSWER_INVALID : refused)
                .orElse(UNAVAILABLE);
    }

    /** The words for the citizen on her portal; null for a code that is not one of these. */
    static PhoneMessages.Message forCitizen(String code) {
        if (!isOne(code)) {
            return null;
        }
        return switch (code) {
            case SURVEY_THANKS -> good("Merci pour vos réponses : elles aident à améliorer cette démarche.");
            case SURVEY_THANKS_PENDING -> good("Merci pour vos réponses. Votre commentaire sera relu avant d'être publié.");
            case SURVEY_THANKS_REDACTED -> good("Merci pour vos réponses. Votre commentaire contenait des données personnelles "
                    + "(nom, téléphone, adresse…) : elles ont été retirées. Il sera relu avant d'être publié.");
            case SURVEY_SKIPPED -> good("Vous avez passé le questionnaire. Vous pourrez y répondre plus tard depuis cette page.");
            case SURVEY_EMPTY -> good("Vous n'avez répondu à aucune question : rien n'a été envoyé.");
            case SURVEY_ALREADY -> good("Vous avez déjà répondu au questionnaire de cette démarche : merci !");
            case SURVEY_INVALID -> bad("Vos réponses n'ont pas pu être enregistrées : choisissez une note de 1 à 5 et écrivez "
                    + "un commentaire de 1 000 caractères au plus.");
            case SURVEY_REFUSED -> bad("Le questionnaire n'est pas ouvert pour cette démarche.");
            case SURVEY_UNAVAILABLE -> bad("Vos réponses n'ont pas pu être enregistrées pour le moment : réessayez dans quelques minutes.");
            default -> null;
        };
    }

    /** The words for an agent at the desk or on the phone; null for a code that is not one of these. */
    static PhoneMessages.Message forAgent(String code) {
        if (!isOne(code)) {
            return null;
        }
        return switch (code) {
            case SURVEY_THANKS, SURVEY_THANKS_PENDING -> good("Questionnaire de fin de démarche enregistré : merci à la personne pour ses réponses.");
            case SURVEY_THANKS_REDACTED -> good("Questionnaire enregistré. Des données personnelles (nom, téléphone, adresse…) "
                    + "ont été retirées du commentaire.");
            case SURVEY_EMPTY -> good("Aucune réponse saisie : rien n'a été envoyé.");
            case SURVEY_ALREADY -> good("Le questionnaire de cette démarche a déjà été rempli.");
            case SURVEY_INVALID -> bad("Le questionnaire n'a pas pu être enregistré : une note de 1 à 5 par question, "
                    + "un commentaire de 1 000 caractères au plus.");
            case SURVEY_REFUSED -> bad("Le questionnaire n'est pas ouvert pour cette démarche, ou vous n'avez pas de raison d'y accéder.");
            case SURVEY_UNAVAILABLE, FLAG_UNAVAILABLE, UNAVAILABLE ->
                    bad("Le service ne répond pas pour le moment : rien n'a été enregistré, réessayez dans un instant.");
            case FLAG_SENT -> good("Difficulté signalée : merci, elle est comptée pour les responsables de la démarche.");
            case FLAG_MISSING -> bad("Choisissez la difficulté à signaler.");
            case FLAG_REFUSED -> bad("Ce signalement n'a pas pu être enregistré : vous n'avez pas de raison d'agir sur cette démarche.");
            default -> null;
        };
    }

    /** The words for a procedure owner; null for a code that is not one of these. */
    static PhoneMessages.Message forOwner(String code) {
        if (!isOne(code)) {
            return null;
        }
        return switch (code) {
            case COMMENT_PUBLISHED -> good("Commentaire publié : il apparaît sur la page publique de transparence.");
            case COMMENT_REJECTED -> good("Commentaire rejeté : il ne sera pas publié.");
            case MODERATION_REFUSED -> bad("Ce commentaire ne peut pas être modéré : il a déjà été traité, ou il ne porte pas sur "
                    + "une de vos démarches.");
            case ANSWER_PUBLISHED -> good("Votre réponse est publiée sur la page publique de transparence.");
            case ANSWER_INVALID -> bad("Votre réponse n'est pas publiée : écrivez un texte de 1 à 2 000 caractères, et une version "
                    + "de la démarche en chiffres (ou rien).");
            case ANSWER_REFUSED -> bad("Vous ne pouvez pas répondre au nom de cette démarche.");
            case UNAVAILABLE -> bad("Le service ne répond pas pour le moment : rien n'a été enregistré, réessayez dans un instant.");
            default -> null;
        };
    }

    private static PhoneMessages.Message good(String text) {
        return new PhoneMessages.Message(text, false);
    }

    private static PhoneMessages.Message bad(String text) {
        return new PhoneMessages.Message(text, true);
    }
}
