package fr.relais.system.ops;

/**
 * One PromQL expression found in the deploy files.
 *
 * @param kind   where it is used, which decides what the proof asks of it
 * @param source where it came from, for a reader: dashboard / panel / refId, or rule file / group / rule
 * @param raw    the expression as written in the file
 * @param expr   the expression Prometheus is asked: Grafana variables replaced by {@link PromQlExpressions#substitute}
 */
public record PromQlExpression(Kind kind, String source, String raw, String expr) {

    public enum Kind {
        /** a dashboard panel's query: must parse and return data over the scenario window */
        PANEL,
        /** the series selector of a dashboard variable (label_values): must parse and return data */
        VARIABLE,
        /** an alerting rule: must parse */
        ALERT,
        /** a recording rule: must parse */
        RECORDING;

        public boolean needsData() {
            return this == PANEL || this == VARIABLE;
        }
    }

    @Override
    public String toString() {
        return source + ": " + expr;
    }
}
