package fr.relais.mediation.policy;

import java.util.List;
import java.util.Map;

/**
 * The friction policy file as written, once {@code friction-policy/friction-policy.schema.json} accepted it: the
 * schema documents the format, these records mirror it, and {@link PolicyReader} turns them into a
 * {@code FrictionPolicy}. Absent optional values are null; maps keep the file's order.
 */
record PolicyFile(int version, String description, double threshold, Double atRiskRatio, Map<String, Rule> signals,
                  Priorities priorities, Map<String, SlaEntry> sla, Routing routing, Map<String, Override> procedures) {

    record Rule(Double weight, String window, String halfLife, Integer minOccurrences, Integer maxCount) {
    }

    record Priorities(PriorityEntry urgent, PriorityEntry high) {
    }

    record PriorityEntry(Double minScore, List<String> whenAll, List<String> whenAny) {
    }

    record SlaEntry(String firstContact, String resolution) {
    }

    record Routing(String defaultPool, Map<String, String> sites) {
    }

    record Override(Double threshold, Map<String, Rule> signals) {
    }
}
