package fr.relais.bench.load;

import fr.relais.bench.http.Gateway;
import fr.relais.bench.http.Reply;
import fr.relais.bench.report.Latency;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Recorder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many citizens rush the same few popular slots at once (hold, then confirm what they got). Measures bookings per
 * second under that contention and checks, in appointment-service's own database, that no counter was booked twice
 * for overlapping times. The run's bookings are cancelled afterwards, so the demo's calendar is left as it was.
 *
 * <p>appointment-service takes a hold only for a journey it learnt from journey.events that is the caller's own, for
 * a step of its procedure (#15): before the rush, each contender's citizen starts a proxy-vote journey through the
 * gateway, and the rush waits until appointment-service knows them all (not timed). A citizen holds at most 3
 * appointments ahead at once, so with the cast's few citizens some winning holds may be refused 429: they are counted
 * among the other answers, and the slot stays free for the next contender.
 */
public final class BookingContention {

    public record Result(int contenders, int slots, int capacity, long held, long refused, Map<String, Long> otherAnswers, long confirmed,
                         double holdsAttemptedPerSecond, double bookingsPerSecond, Latency holdLatency,
                         long doubleBookings, long slotsOverCapacity) {
    }

    private static final String MOTIF = "accompagnement";
    private static final String PROCEDURE = "procuration-vote";
    private static final String STEP = "verification-identite";
    /** Journeys started at once before the rush, so the set-up does not flood the gateway. */
    private static final int START_BATCH = 50;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Gateway gateway;
    private final Cast cast;
    private final String appointmentJdbcUrl;

    public BookingContention(Gateway gateway, Cast cast, String appointmentJdbcUrl) {
        this.gateway = gateway;
        this.cast = cast;
        this.appointmentJdbcUrl = appointmentJdbcUrl;
    }

    public Result run(int contenders, int slotCount) throws Exception {
        List<String> journeys = startJourneys(contenders);
        awaitKnownToAppointments(journeys);
        Map<String, Integer> capacity = popularSlots(slotCount);
        List<String> startTimes = new ArrayList<>(capacity.keySet());
        Recorder holdLatency = new Recorder(3);
        Map<String, AtomicInteger> heldPerSlot = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Long> other = new ConcurrentHashMap<>();
        List<String> bookingIds = java.util.Collections.synchronizedList(new ArrayList<>());

        long start = System.nanoTime();
        List<Future<Void>> all = new ArrayList<>();
        for (int n = 0; n < contenders; n++) {
            int i = n;
            String startsAt = startTimes.get(i % startTimes.size());
            String citizen = cast.citizenToken(i);
            JsonObject hold = new JsonObject().put("journeyId", journeys.get(i)).put("procedureId", PROCEDURE)
                    .put("stepId", STEP).put("motif", MOTIF).put("site", Cast.SITE).put("startsAt", startsAt);
            long sent = System.nanoTime();
            all.add(gateway.post("/api/appointments/bookings", citizen, hold).compose(reply -> {
                holdLatency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                if (reply.status() == 201) {
                    heldPerSlot.computeIfAbsent(startsAt, s -> new AtomicInteger()).incrementAndGet();
                    String id = reply.json().getString("id");
                    return gateway.post("/api/appointments/bookings/" + id + "/confirm", citizen, new JsonObject())
                            .map(confirmed -> {
                                if (confirmed.status() == 200) {
                                    bookingIds.add(id + " " + (i % cast.citizenCount()));
                                }
                                return null;
                            });
                }
                if (reply.status() == 409) {
                    refused.incrementAndGet();
                } else {
                    other.merge(reply.brief(), 1L, Long::sum);
                }
                return Future.<Void>succeededFuture();
            }));
        }
        Future.join(all).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;

        long overCapacity = heldPerSlot.entrySet().stream().filter(e -> e.getValue().get() > capacity.get(e.getKey())).count();
        long doubleBookings = overlappingLiveBookings();
        long held = heldPerSlot.values().stream().mapToLong(AtomicInteger::get).sum();
        int totalCapacity = capacity.values().stream().mapToInt(Integer::intValue).sum();
        Result result = new Result(contenders, startTimes.size(), totalCapacity, held, refused.get(), new java.util.TreeMap<>(other), bookingIds.size(),
                contenders / seconds, bookingIds.size() / seconds, Latency.of(holdLatency.getIntervalHistogram()),
                doubleBookings, overCapacity);
        cancel(bookingIds);
        return result;
    }

    /** One proxy-vote journey per contender, started on the portal by the contender's citizen; their ids, in order. */
    private List<String> startJourneys(int contenders) throws Exception {
        List<String> journeys = new ArrayList<>();
        for (int first = 0; first < contenders; first += START_BATCH) {
            List<Future<Reply>> batch = new ArrayList<>();
            for (int i = first; i < Math.min(contenders, first + START_BATCH); i++) {
                batch.add(gateway.command("/api/portal/journeys", cast.citizenToken(i), new JsonObject().put("procedureId", PROCEDURE)));
            }
            Future.join(batch).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            for (Future<Reply> started : batch) {
                Reply reply = started.result();
                String journey = reply.ok() ? reply.json().getString("journeyId") : null;
                if (journey == null) {
                    throw new IllegalStateException("starting a " + PROCEDURE + " journey answered " + reply.brief());
                }
                journeys.add(journey);
            }
        }
        return journeys;
    }

    /**
     * Waits until appointment-service learnt every journey from journey.events: it answers a citizen's list of a
     * journey's bookings with 200 once the journey is known as theirs, 404 before.
     */
    private void awaitKnownToAppointments(List<String> journeys) throws Exception {
        Map<String, Integer> unknown = new LinkedHashMap<>();
        for (int i = 0; i < journeys.size(); i++) {
            unknown.put(journeys.get(i), i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!unknown.isEmpty()) {
            Map<String, Future<Reply>> checks = new LinkedHashMap<>();
            unknown.forEach((journey, i) -> checks.put(journey,
                    gateway.get("/api/appointments/bookings?journeyId=" + journey, cast.citizenToken(i))));
            Future.join(new ArrayList<>(checks.values())).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            checks.forEach((journey, check) -> {
                if (check.result().status() == 200) {
                    unknown.remove(journey);
                }
            });
            if (unknown.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(unknown.size() + " of " + journeys.size()
                        + " journeys still unknown to appointment-service after 60 s (journey.events not consumed?)");
            }
            TimeUnit.MILLISECONDS.sleep(250); // the bench's main thread, never an event loop
        }
    }

    /** The earliest free start times from tomorrow, with how many counters are free at each. */
    private Map<String, Integer> popularSlots(int count) throws Exception {
        LocalDate tomorrow = LocalDate.now(PARIS).plusDays(1);
        Reply slots = gateway.get("/api/appointments/availability?motif=" + MOTIF + "&sites=" + Cast.SITE + "&from=" + tomorrow
                        + "&to=" + tomorrow.plusDays(14), cast.citizenToken(0))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (!slots.ok()) {
            throw new IllegalStateException("availability answered " + slots.brief());
        }
        Map<String, Integer> capacity = new LinkedHashMap<>();
        for (Object entry : slots.array()) {
            String startsAt = ((JsonObject) entry).getString("startsAt");
            if (capacity.size() < count || capacity.containsKey(startsAt)) {
                capacity.merge(startsAt, 1, Integer::sum);
            }
        }
        if (capacity.isEmpty()) {
            throw new IllegalStateException("no free " + MOTIF + " slot at " + Cast.SITE + " in the next two weeks");
        }
        return capacity;
    }

    /** Pairs of live bookings on one counter whose times overlap: must be none (checked in the database itself). */
    private long overlappingLiveBookings() throws SQLException {
        try (Connection db = DriverManager.getConnection(appointmentJdbcUrl, "appointment", "appointment");
             ResultSet rs = db.createStatement().executeQuery("""
                     SELECT count(*) FROM booking a JOIN booking b
                       ON a.counter_id = b.counter_id AND a.id < b.id
                      AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                     WHERE a.status IN ('HELD', 'CONFIRMED', 'CHECKED_IN') AND b.status IN ('HELD', 'CONFIRMED', 'CHECKED_IN')
                     """)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void cancel(List<String> bookings) throws Exception {
        List<Future<Reply>> cancels = new ArrayList<>();
        for (String booking : bookings) {
            String[] idAndCitizen = booking.split(" ");
            cancels.add(gateway.post("/api/appointments/bookings/" + idAndCitizen[0] + "/cancel",
                    cast.citizenToken(Long.parseLong(idAndCitizen[1])), new JsonObject().put("reason", "bench-cleanup")));
        }
        Future.join(cancels).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
