package fr.relais.appointment.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever sequence of holds, confirms, cancels and expiries, no two live bookings overlap on one counter. */
class CounterBookPropertiesTest {

    static final Instant DAY = Instant.parse("2026-03-16T08:00:00Z");

    sealed interface Op permits Hold, Confirm, Cancel, Expire {
    }

    record Hold(int startMinute, int minutes) implements Op {
    }

    record Confirm(int index) implements Op {
    }

    record Cancel(int index) implements Op {
    }

    record Expire(int index) implements Op {
    }

    @Property(tries = 500)
    void liveBookingsNeverOverlap(@ForAll("operations") @Size(max = 80) List<Op> operations) {
        CounterBook book = new CounterBook();
        List<UUID> ids = new ArrayList<>();
        for (Op op : operations) {
            if (op instanceof Hold h) {
                book.hold(new TimeWindow(DAY.plusSeconds(60L * h.startMinute()),
                        DAY.plusSeconds(60L * (h.startMinute() + h.minutes())))).ifPresent(ids::add);
            } else if (!ids.isEmpty() && op instanceof Confirm c) {
                book.confirm(ids.get(c.index() % ids.size()));
            } else if (!ids.isEmpty() && op instanceof Cancel c) {
                book.cancel(ids.get(c.index() % ids.size()));
            } else if (!ids.isEmpty() && op instanceof Expire e) {
                book.expire(ids.get(e.index() % ids.size()));
            }
            List<CounterBook.Entry> live = book.live();
            for (int i = 0; i < live.size(); i++) {
                for (int j = i + 1; j < live.size(); j++) {
                    assertThat(live.get(i).window().overlaps(live.get(j).window()))
                            .as("%s overlaps %s", live.get(i), live.get(j)).isFalse();
                }
            }
        }
    }

    @Property(tries = 200)
    void aCancelledOrExpiredSlotCanBeHeldAgain(@ForAll("minutes") int start) {
        CounterBook book = new CounterBook();
        TimeWindow window = new TimeWindow(DAY.plusSeconds(60L * start), DAY.plusSeconds(60L * (start + 20)));
        UUID first = book.hold(window).orElseThrow();
        assertThat(book.hold(window)).isEmpty();
        assertThat(book.expire(first)).isTrue();
        UUID second = book.hold(window).orElseThrow();
        assertThat(book.confirm(second)).isTrue();
        assertThat(book.hold(window)).isEmpty();
        assertThat(book.cancel(second)).isTrue();
        assertThat(book.hold(window)).isPresent();
    }

    @Provide
    Arbitrary<Integer> minutes() {
        return Arbitraries.integers().between(0, 600);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> hold = Combinators.combine(Arbitraries.integers().between(0, 240), Arbitraries.of(10, 20, 30, 45))
                .as(Hold::new);
        Arbitrary<Op> confirm = Arbitraries.integers().between(0, 1000).map(Confirm::new);
        Arbitrary<Op> cancel = Arbitraries.integers().between(0, 1000).map(Cancel::new);
        Arbitrary<Op> expire = Arbitraries.integers().between(0, 1000).map(Expire::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, hold), net.jqwik.api.Tuple.of(2, confirm),
                net.jqwik.api.Tuple.of(2, cancel), net.jqwik.api.Tuple.of(1, expire)).list();
    }
}
