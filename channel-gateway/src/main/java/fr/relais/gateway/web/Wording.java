package fr.relais.gateway.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The words every page uses for what the services answer in codes: times, statuses, roles, channels, events. */
final class Wording {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private static final Map<String, String> STATUS = Map.of(
            "IN_PROGRESS", "En cours", "HANDOFF_PENDING", "En attente d'un agent", "WITH_AGENT", "Pris en charge par un agent",
            "ESCALATED", "Suivi par un médiateur", "COMPLETED", "Terminée", "ABANDONED", "Abandonnée", "CANCELLED", "Annulée");

    private Wording() {
    }

    /** A code as text, "" when absent: pages never show "null". */
    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A journey status in words. */
    static String status(String code) {
        return code == null ? "" : STATUS.getOrDefault(code, code);
    }

    /** An instant in Paris time; "" when absent. */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    static String role(String role) {
        return switch (text(role)) {
            case "citizen" -> "vous";
            case "counter-agent" -> "agent d'accueil";
            case "phone-agent" -> "conseiller téléphonique";
            case "mediator" -> "médiateur numérique";
            case "system" -> "Relais";
            default -> text(role);
        };
    }

    static String channel(String channel) {
        return switch (text(channel).toLowerCase(Locale.ROOT)) {
            case "portal" -> "en ligne";
            case "phone" -> "au téléphone";
            case "desk" -> "au guichet";
            case "system" -> "automatique";
            default -> text(channel);
        };
    }

    static String event(String what) {
        return switch (text(what)) {
            case "journey-started" -> "Démarche commencée";
            case "step-completed" -> "Étape complétée";
            case "went-back" -> "Retour à une étape";
            case "handoff-requested" -> "Demande de suite sur un autre canal";
            case "journey-claimed" -> "Prise en charge par un agent";
            case "journey-released" -> "Rendue pour suite en ligne";
            case "presence-recorded" -> "Présence au guichet enregistrée";
            case "journey-escalated" -> "Confiée à un médiateur";
            case "journey-deescalated" -> "Médiation terminée";
            case "mandate-granted" -> "Mandat donné";
            case "mandate-revoked" -> "Mandat retiré";
            case "journey-completed" -> "Démarche terminée";
            case "journey-attached" -> "Démarche rattachée au compte de l'usager";
            case "callback-requested" -> "Rappel téléphonique demandé";
            case "callback-attempted" -> "Tentative de rappel";
            case "caller-verified" -> "Appel de l'usager vérifié";
            default -> text(what).replace('-', ' ');
        };
    }
}
