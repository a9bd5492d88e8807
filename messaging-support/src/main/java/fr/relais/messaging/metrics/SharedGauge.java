package fr.relais.messaging.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * One gauge of shared state (a count in the service's database): it is in the meter registry only while this
 * instance reports shared state ({@link SharedGauges}) and a value was measured since it started doing so, so no
 * instance ever reports a value measured while another one was the reporter.
 */
public final class SharedGauge {

    private final SharedGauges owner;
    private final String name;
    private final String description;
    private final Tags tags;
    private volatile double value;
    /** Guarded by the owning {@link SharedGauges}. */
    private Gauge meter;

    SharedGauge(SharedGauges owner, String name, String description, Tags tags) {
        this.owner = owner;
        this.name = name;
        this.description = description;
        this.tags = tags;
    }

    /** The latest measurement; call it only from a refresh that ran while {@link SharedGauges#reporting()}. */
    public void set(double measured) {
        value = measured;
        owner.shown(this);
    }

    public double value() {
        return value;
    }

    void show(MeterRegistry registry) {
        if (meter == null) {
            // on this object itself, held strongly by SharedGauges: the gauge never reads NaN
            meter = Gauge.builder(name, this, SharedGauge::value).description(description).tags(tags)
                    .strongReference(true).register(registry);
        }
    }

    void hide(MeterRegistry registry) {
        if (meter != null) {
            registry.remove(meter);
            meter = null;
        }
    }
}
