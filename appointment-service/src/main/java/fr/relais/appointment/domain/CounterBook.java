package fr.relais.appointment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The live bookings of one counter, in memory: the rule that PostgreSQL's exclusion constraint
 * enforces in production (no two live bookings overlap on one counter), stated in plain Java so it can
 * be checked by property tests and read by people.
 */
public final class CounterBook {

    public record Entry(UUID id, TimeWindow window, BookingStatus status) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public Optional<UUID> hold(TimeWindow window) {
        if (live().stream().anyMatch(e -> e.window().overlaps(window))) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        entries.add(new Entry(id, window, BookingStatus.HELD));
        return Optional.of(id);
    }

    public boolean confirm(UUID id) {
        return move(id, BookingStatus.HELD, BookingStatus.CONFIRMED);
    }

    public boolean cancel(UUID id) {
        return move(id, BookingStatus.HELD, BookingStatus.CANCELLED) || move(id, BookingStatus.CONFIRMED, BookingStatus.CANCELLED);
    }

    public boolean expire(UUID id) {
        return move(id, BookingStatus.HELD, BookingStatus.EXPIRED);
    }

    public List<Entry> live() {
        return entries.stream().filter(e -> e.status().isLive()).toList();
    }

    public List<Entry> all() {
        return List.copyOf(entries);
    }

    private boolean move(UUID id, BookingStatus from, BookingStatus to) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.id().equals(id) && entry.status() == from) {
                entries.set(i, new Entry(id, entry.window(), to));
                return true;
            }
        }
        return false;
    }
}
