package fr.relais.appointment.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which counters a hold tries and which one a move takes, whatever the site's counters and their live bookings. */
class CounterChoicePropertiesTest {

    static final Instant DAY = Instant.parse("2026-03-16T08:00:00Z");
    /** Counter ids the generators draw from; a busy map may name counters that are not the site's. */
    static final List<String> IDS = List.of("g1", "g2", "g3", "g4", "g5", "g6", "other-1", "other-2");

    @Property(tries = 500)
    void everyCandidateIsAFreeCounterOfTheSite(@ForAll("sites") Site site, @ForAll("windows") TimeWindow window,
                                               @ForAll("busy") Map<String, List<TimeWindow>> busy) {
        List<String> candidates = CounterChoice.forHold(site, null, window, busy);
        assertThat(site.counters()).containsAll(candidates);
        assertThat(candidates).allSatisfy(counter ->
                assertThat(busy.getOrDefault(counter, List.of())).noneMatch(window::overlaps));
    }

    @Property(tries = 500)
    void everyFreeCounterOfTheSiteIsACandidate(@ForAll("sites") Site site, @ForAll("windows") TimeWindow window,
                                               @ForAll("busy") Map<String, List<TimeWindow>> busy) {
        List<String> candidates = CounterChoice.forHold(site, null, window, busy);
        site.counters().stream()
                .filter(counter -> busy.getOrDefault(counter, List.of()).stream().noneMatch(window::overlaps))
                .forEach(counter -> assertThat(candidates).contains(counter));
    }

    @Property(tries = 500)
    void candidatesFollowTheSitesOrderOnce(@ForAll("sites") Site site, @ForAll("windows") TimeWindow window,
                                           @ForAll("busy") Map<String, List<TimeWindow>> busy) {
        List<String> candidates = CounterChoice.forHold(site, null, window, busy);
        assertThat(candidates).doesNotHaveDuplicates();
        for (int i = 1; i < candidates.size(); i++) {
            assertThat(site.counters().indexOf(candidates.get(i - 1))).isLessThan(site.counters().indexOf(candidates.get(i)));
        }
    }

    @Property(tries = 500)
    void aRequestedCounterOfTheSiteIsTheOnlyCandidateEvenWhenBusy(@ForAll("sites") Site site, @ForAll("windows") TimeWindow window,
                                                                   @ForAll("busy") Map<String, List<TimeWindow>> busy,
                                                                   @ForAll("ids") String requested) {
        List<String> candidates = CounterChoice.forHold(site, requested, window, busy);
        if (site.counters().contains(requested)) {
            // taken as asked: a busy one is for the database's exclusion constraint to refuse
            assertThat(candidates).containsExactly(requested);
            assertThat(CounterChoice.checkRequested(site, requested)).isEmpty();
        } else {
            assertThat(candidates).isEmpty();
            assertThat(CounterChoice.checkRequested(site, requested)).get()
                    .extracting(Rejection::reason).isEqualTo(Rejection.UNKNOWN_COUNTER);
        }
    }

    @Property(tries = 200)
    void noRequestIsNeverRejected(@ForAll("sites") Site site) {
        assertThat(CounterChoice.checkRequested(site, null)).isEmpty();
    }

    @Property(tries = 500)
    void aMoveTakesTheFirstCounterFreeOnceItsOwnTimeIsLeft(@ForAll("sites") Site site, @ForAll("windows") TimeWindow window,
                                                          @ForAll("busy") Map<String, List<TimeWindow>> busy,
                                                          @ForAll("ids") String currentCounter, @ForAll("windows") TimeWindow current) {
        Optional<String> chosen = CounterChoice.forMove(site, window, busy, currentCounter, current);
        List<String> freeIgnoringOwn = site.counters().stream()
                .filter(counter -> busy.getOrDefault(counter, List.of()).stream()
                        .filter(w -> !(counter.equals(currentCounter) && w.equals(current)))
                        .noneMatch(window::overlaps))
                .toList();
        assertThat(chosen).isEqualTo(freeIgnoringOwn.stream().findFirst());
    }

    @Property(tries = 500)
    void aMoveNeverConflictsWithTheTimeItLeaves(@ForAll("sites") Site site, @ForAll("windows") TimeWindow window) {
        // the booking's own window, on the site's first counter, overlapping where it moves to, is the only busy one
        String own = site.counters().get(0);
        Map<String, List<TimeWindow>> busy = Map.of(own, List.of(window));
        assertThat(CounterChoice.forMove(site, window, busy, own, window)).contains(own);
        assertThat(CounterChoice.forHold(site, null, window, busy)).doesNotContain(own);
    }

    @Property(tries = 500)
    void aMoveFromElsewhereTakesTheFirstCounterAHoldWouldTry(@ForAll("sites") Site site, @ForAll("windows") TimeWindow window,
                                          @ForAll("busy") Map<String, List<TimeWindow>> busy) {
        // a booking whose own window is nowhere busy moves as a new hold would: to the first free counter
        TimeWindow elsewhere = new TimeWindow(DAY.minusSeconds(7200), DAY.minusSeconds(3600));
        assertThat(CounterChoice.forMove(site, window, busy, site.counters().get(0), elsewhere))
                .isEqualTo(CounterChoice.free(site, window, busy).stream().findFirst());
    }

    @Provide
    Arbitrary<Site> sites() {
        return Arbitraries.of(IDS.subList(0, 6)).list().uniqueElements().ofMinSize(1).ofMaxSize(6)
                .map(counters -> new Site("fs-test", "France Services Test", "93", Channel.DESK, DemoWorld.FULL_WEEK, counters));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of(IDS);
    }

    @Provide
    Arbitrary<TimeWindow> windows() {
        return Combinators.combine(Arbitraries.integers().between(0, 240), Arbitraries.of(10, 20, 30, 45))
                .as((start, minutes) -> new TimeWindow(DAY.plusSeconds(60L * start), DAY.plusSeconds(60L * (start + minutes))));
    }

    @Provide
    Arbitrary<Map<String, List<TimeWindow>>> busy() {
        return Arbitraries.maps(Arbitraries.of(IDS), windows().list().ofMaxSize(4)).ofMaxSize(IDS.size());
    }
}
