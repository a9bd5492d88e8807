package fr.relais.mediation.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;

/**
 * The closed lists that metric labels are checked against: the procedures journey-service defines and their
 * steps (every version's). Procedure and step ids arrive on Kafka from callers' touchpoints; only these values
 * may become a label, anything else is counted as {@code other}.
 */
@ConfigMapping(prefix = "relais.metric-labels")
public interface MetricLabelsConfig {

    /** Procedure id -> its step ids. */
    Map<String, List<String>> procedures();
}
