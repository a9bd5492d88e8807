package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ErasureAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The erasure's outcome in plain French: each erased or kept item, and why what stays stays. */
final class ErasureWording {

    record Line(String what, String why) {
    }

    private static final Map<String, String> REASONS = Map.of(
            "submitted-record", "Dossier déposé : l'administration doit le conserver pendant la durée prévue par la loi pour cette démarche.",
            "identity-of-kept-record", "Vos nom, prénoms et date de naissance restent avec le dossier conservé ; vos coordonnées sont effacées.",
            "staff-access-proof", "Le journal des consultations de votre dossier par les agents est gardé : il permet de répondre de chaque accès. Il ne contient ni votre nom ni vos réponses.");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));

    private ErasureWording() {
    }

    static List<Line> lines(List<ErasureAnswers.Item> items, List<ProcedureAnswers.Procedure> procedures) {
        Map<String, String> titles = procedures.stream()
                .collect(Collectors.toMap(ProcedureAnswers.Procedure::id, ProcedureAnswers.Procedure::title, (a, b) -> a));
        Function<ErasureAnswers.Item, String> what = item -> switch (item.kind()) {
            case "journey" -> "Démarche « " + titles.getOrDefault(item.procedureId(), item.procedureId()) + " » et vos réponses";
            case "person-record" -> "Votre fiche (nom, date de naissance, coordonnées)";
            case "access-log" -> "Le journal des accès à votre dossier";
            default -> item.kind();
        };
        return items.stream().map(item -> new Line(what.apply(item), why(item))).toList();
    }

    private static String why(ErasureAnswers.Item item) {
        if (item.reason() == null) {
            return null;
        }
        String reason = REASONS.getOrDefault(item.reason(), item.reason());
        return item.keptUntil() == null ? reason : reason + " Effacement prévu le " + DAY.format(item.keptUntil()) + ".";
    }
}
