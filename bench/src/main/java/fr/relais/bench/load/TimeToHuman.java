package fr.relais.bench.load;

import fr.relais.bench.http.Gateway;
import fr.relais.bench.http.Reply;
import fr.relais.bench.report.Latency;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time to a human: a citizen's "I need help" (whose weight alone crosses the friction threshold) until the case
 * is in the mediator's queue, read through the gateway as the mediator console reads it. Each sample's case is then
 * claimed and resolved, so the queue stays as short as a staffed pool keeps it.
 */
public final class TimeToHuman {

    public record Result(Latency latency, long missed) {
    }

    private static final long QUEUE_POLL_MS = 25;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Gateway gateway;
    private final Cast cast;

    public TimeToHuman(Vertx vertx, Gateway gateway, Cast cast) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.cast = cast;
    }

    /** {@code parallel} citizens ask for help one after the other until {@code duration} has passed. */
    public Result measure(int parallel, Duration duration) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        AtomicLong missed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(parallel);
        for (int i = 0; i < parallel; i++) {
            loop(i, end, latencies, missed, done);
        }
        done.await(duration.plus(GIVE_UP).plusSeconds(10).toSeconds(), TimeUnit.SECONDS);
        return new Result(Latency.of(latencies.getIntervalHistogram()), missed.get());
    }

    private void loop(long citizen, long end, Recorder latencies, AtomicLong missed, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        sample(citizen).onComplete(result -> {
            if (result.succeeded()) {
                latencies.recordValue(Math.max(1, result.result()));
            } else {
                missed.incrementAndGet();
            }
            loop(citizen, end, latencies, missed, done);
        });
    }

    /** One plea for help; its latency in microseconds. */
    private Future<Long> sample(long citizen) {
        String token = cast.citizenToken(citizen);
        return gateway.command("/api/portal/journeys", token, new JsonObject().put("procedureId", "aide-logement"))
                .compose(started -> expect(started, 200))
                .compose(started -> {
                    String journeyId = started.json().getString("journeyId");
                    long asked = System.nanoTime();
                    return gateway.post("/api/portal/journeys/" + journeyId + "/help", token, new JsonObject().put("stepId", "situation"))
                            .compose(help -> expect(help, 202))
                            .compose(help -> caseInQueue(journeyId, asked + GIVE_UP.toNanos()))
                            .compose(caseId -> {
                                long micros = (System.nanoTime() - asked) / 1000;
                                return resolve(caseId).map(micros);
                            });
                });
    }

    private Future<String> caseInQueue(String journeyId, long deadline) {
        Promise<String> found = Promise.promise();
        gateway.get("/api/mediation/cases", cast.mediatorToken()).onComplete(result -> {
            if (result.succeeded() && result.result().ok()) {
                for (Object entry : result.result().array()) {
                    JsonObject c = (JsonObject) entry;
                    if (journeyId.equals(c.getString("journeyId"))) {
                        found.complete(c.getString("id"));
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                found.fail("no case for the journey within " + GIVE_UP.toSeconds() + " s");
            } else {
                vertx.setTimer(QUEUE_POLL_MS, tick -> caseInQueue(journeyId, deadline).onComplete(found));
            }
        });
        return found.future();
    }

    private Future<Void> resolve(String caseId) {
        String mediator = cast.mediatorToken();
        return gateway.post("/api/mediation/cases/" + caseId + "/claim", mediator, new JsonObject())
                .compose(claimed -> gateway.post("/api/mediation/cases/" + caseId + "/resolve", mediator,
                        new JsonObject().put("outcome", "helped-online")))
                .mapEmpty();
    }

    private static Future<Reply> expect(Reply reply, int status) {
        return reply.status() == status ? Future.succeededFuture(reply) : Future.failedFuture(reply.brief());
    }
}
