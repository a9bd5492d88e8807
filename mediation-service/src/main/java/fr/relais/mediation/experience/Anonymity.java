package fr.relais.mediation.experience;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * k-anonymity of everything the experience API shows or publishes: a cell counting fewer than k journeys is left out
 * (and counted as hidden), so no figure can be traced back to a handful of citizens.
 */
@ApplicationScoped
public class Anonymity {

    @ConfigProperty(name = "relais.experience.min-cell-size", defaultValue = "10")
    int minCellSize;

    public record Visible<T>(List<T> rows, int hidden) {
    }

    public int minCellSize() {
        return minCellSize;
    }

    /** The rows whose cell counts at least k journeys, and how many were hidden. */
    public <T> Visible<T> filter(List<T> rows, ToLongFunction<T> journeys) {
        List<T> shown = rows.stream().filter(row -> journeys.applyAsLong(row) >= minCellSize).toList();
        return new Visible<>(shown, rows.size() - shown.size());
    }
}
