package fr.relais.gateway.web;

import fr.relais.gateway.downstream.CorrectionAnswers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Correction requests in plain French, for her portal and the agent's desk. */
final class CorrectionWording {

    static final Map<String, String> FIELDS = Map.of("given-names", "Prénoms", "family-name", "Nom de famille",
            "birth-date", "Date de naissance");
    static final Map<String, String> STATUSES = Map.of("open", "En attente : présentez-vous à un guichet France Services avec votre pièce d'identité",
            "applied", "Corrigé", "refused", "Refusé");
    static final Map<String, String> REFUSALS = Map.of("document-does-not-match", "la pièce d'identité ne montre pas cette valeur",
            "no-document", "aucune pièce d'identité n'a été présentée", "not-a-correction", "ce n'est pas une correction de votre identité");
    static final Map<String, String> MESSAGES = Map.of("asked", "Votre demande de correction est enregistrée.",
            "invalid-field", "Vérifiez le champ à corriger et la nouvelle valeur (une date de naissance s'écrit 14/07/1962).",
            "no-person-record", "Relais n'a pas encore de fiche à votre nom : elle se crée avec vos coordonnées (page « Comment vous joindre ») ou au guichet.",
            "applied", "La correction est appliquée à la fiche.", "refused", "La demande est refusée ; la personne voit le motif sur son portail.",
            "correction-decided", "Cette demande est déjà traitée.", "duplicate-person", "Une autre fiche porte déjà cette identité : les deux fiches doivent d'abord être rapprochées.");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));

    record Line(String field, String value, String status, String on) {
    }

    private CorrectionWording() {
    }

    static List<Line> mine(List<CorrectionAnswers.Mine> requests) {
        return requests.stream().map(r -> new Line(FIELDS.getOrDefault(r.field(), r.field()), r.requestedValue(),
                "refused".equals(r.status()) && r.refusalReason() != null
                        ? "Refusé : " + REFUSALS.getOrDefault(r.refusalReason(), r.refusalReason())
                        : STATUSES.getOrDefault(r.status(), r.status()),
                DAY.format(r.requestedAt()))).toList();
    }

    static List<Line> pending(List<CorrectionAnswers.Pending> requests) {
        return requests.stream().map(r -> new Line(FIELDS.getOrDefault(r.field(), r.field()), r.id().toString(), null,
                DAY.format(r.requestedAt()))).toList();
    }

    /** At the desk, a refused field is the identity document not ticked (or no refusal reason). */
    static String deskMessage(String code) {
        return "invalid-field".equals(code)
                ? "Rien n'est corrigé : cochez « J'ai vu sa pièce d'identité » pour corriger la fiche, ou choisissez un motif de refus."
                : message(code);
    }

    static String message(String code) {
        return code == null ? null : MESSAGES.getOrDefault(code, "La demande n'a pas abouti (" + code + ").");
    }
}
