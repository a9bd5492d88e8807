package fr.relais.gateway.web.mydata;

import java.util.Map;

/** French labels of the export's fields for the PDF; a field without one keeps its name (the JSON's, documented). */
final class MyDataLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("personId", "Identifiant de votre dossier"), Map.entry("givenNames", "Prénoms"),
            Map.entry("familyName", "Nom"), Map.entry("birthDate", "Date de naissance"), Map.entry("identity", "Identité"),
            Map.entry("phone", "Téléphone"), Map.entry("email", "E-mail"), Map.entry("address", "Adresse"),
            Map.entry("line", "Voie"), Map.entry("postcode", "Code postal"), Map.entry("city", "Commune"),
            Map.entry("preferredLanguage", "Langue"), Map.entry("accessibilityNeeds", "Besoins d'accessibilité"),
            Map.entry("consents", "Consentements"), Map.entry("hasAccount", "Compte en ligne"),
            Map.entry("journey", "Démarche"), Map.entry("id", "Identifiant"), Map.entry("procedureId", "Démarche"),
            Map.entry("procedureVersion", "Version"), Map.entry("status", "État"), Map.entry("currentStep", "Étape en cours"),
            Map.entry("completedSteps", "Étapes faites"), Map.entry("resumeCode", "Code de reprise"),
            Map.entry("answers", "Vos réponses"), Map.entry("timeline", "Historique"), Map.entry("accessLog", "Accès par le personnel"),
            Map.entry("mandates", "Mandats"), Map.entry("at", "Quand"), Map.entry("what", "Quoi"), Map.entry("stepId", "Étape"),
            Map.entry("channel", "Canal"), Map.entry("actorRole", "Par (rôle)"), Map.entry("actorSite", "Site"),
            Map.entry("action", "Action"), Map.entry("reason", "Raison"), Map.entry("site", "Site"),
            Map.entry("startsAt", "Début"), Map.entry("endsAt", "Fin"), Map.entry("motif", "Motif"),
            Map.entry("subject", "Objet"), Map.entry("text", "Texte"), Map.entry("sentAt", "Envoyé le"),
            Map.entry("openedAt", "Ouvert le"), Map.entry("resolvedAt", "Clos le"), Map.entry("outcome", "Issue"),
            Map.entry("purpose", "Accord"), Map.entry("givenAt", "Donné le"), Map.entry("givenVia", "Donné par (canal)"),
            Map.entry("givenByRole", "Donné par (rôle)"), Map.entry("withdrawnAt", "Retiré le"),
            Map.entry("withdrawnVia", "Retiré par (canal)"), Map.entry("withdrawnByRole", "Retiré par (rôle)"),
            Map.entry("surveys", "Questionnaires"), Map.entry("letter", "Courrier"), Map.entry("sms", "SMS"));

    private MyDataLabels() {
    }

    static String of(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
