package fr.relais.bench.load;

import fr.relais.bench.http.Gateway;
import fr.relais.bench.http.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * One whole journey, as the demo's phygital path goes: a citizen starts an address change on the portal and fills
 * two steps, hands off to the desk of a France Services site; an agent there claims it, fills a step with the
 * citizen, releases it; the citizen confirms online and the journey completes. Eight commands, each sent when
 * the previous one's outcome is known, each timed from sent to outcome (202s followed to their decision).
 */
public final class JourneyScript {

    public static final String PROCEDURE = "changement-adresse";
    public static final int COMMANDS = 8;

    /** Told of every decided command: its latency from when it was due, in microseconds, and when it ended. */
    public interface Timing {
        void commandDone(long latencyMicros, long endedNanos);
    }

    private final Gateway gateway;
    private final Cast cast;

    public JourneyScript(Gateway gateway, Cast cast) {
        this.gateway = gateway;
        this.cast = cast;
    }

    /**
     * Plays journey number {@code n}, due to start at {@code dueNanos} (open loop: a late start counts in the first
     * command's latency). Completes when the journey is COMPLETED; fails naming the command and the answer otherwise.
     */
    public Future<Void> play(long n, long dueNanos, Timing timing) {
        String citizen = cast.citizenToken(n);
        String agent = cast.agentToken(n);
        Step steps = new Step(timing);
        return steps.run("start", dueNanos, () -> gateway.command("/api/portal/journeys", citizen, new JsonObject().put("procedureId", PROCEDURE)))
                .compose(started -> {
                    String journey = "/journeys/" + started.json().getString("journeyId");
                    return steps.run("identite", () -> gateway.command("/api/portal" + journey + "/steps/identite", citizen, answers(
                                    "nom", "Bench", "prenoms", "Citoyen", "date-naissance", "1970-01-01")))
                            .compose(r -> steps.run("nouvelle-adresse", () -> gateway.command("/api/portal" + journey + "/steps/nouvelle-adresse", citizen,
                                    answers("adresse", "1 rue du Banc d'Essai", "code-postal", "93300", "commune", "Aubervilliers",
                                            "date-emmenagement", "2026-10-01"))))
                            .compose(r -> steps.run("handoff", () -> gateway.command("/api/portal" + journey + "/handoff", citizen,
                                    new JsonObject().put("channel", "desk").put("site", Cast.SITE).put("reason", "needs-help"))))
                            .compose(r -> steps.run("claim", () -> gateway.command("/api/desk" + journey + "/claim", agent, new JsonObject())))
                            .compose(r -> steps.run("organismes", () -> gateway.command("/api/desk" + journey + "/steps/organismes", agent,
                                    answers("caf", "oui", "assurance-maladie", "oui", "impots", "non", "france-travail", "non",
                                            "assurance-retraite", "non"))))
                            .compose(r -> steps.run("release", () -> gateway.command("/api/desk" + journey + "/release", agent, new JsonObject())))
                            .compose(r -> steps.run("confirmation", () -> gateway.command("/api/portal" + journey + "/steps/confirmation", citizen,
                                    answers("attestation-sur-l-honneur", "oui"))))
                            .compose(done -> "COMPLETED".equals(done.json().getString("journeyStatus"))
                                    ? Future.<Void>succeededFuture()
                                    : Future.failedFuture(new JourneyFailed("confirmation", "journey " + done.json().getString("journeyStatus"))));
                });
    }

    private static JsonObject answers(String... pairs) {
        JsonObject answers = new JsonObject();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return new JsonObject().put("answers", answers);
    }

    /** Times each command and turns a refused one into a failure that says which and why. */
    private record Step(Timing timing) {

        Future<Reply> run(String name, java.util.function.Supplier<Future<Reply>> call) {
            return run(name, System.nanoTime(), call);
        }

        Future<Reply> run(String name, long fromNanos, java.util.function.Supplier<Future<Reply>> call) {
            return call.get().transform(result -> {
                long now = System.nanoTime();
                if (result.failed()) {
                    return Future.failedFuture(new JourneyFailed(name, result.cause().getClass().getSimpleName()));
                }
                Reply reply = result.result();
                if (!reply.ok()) {
                    return Future.failedFuture(new JourneyFailed(name, reply.brief()));
                }
                timing.commandDone((now - fromNanos) / 1000, now);
                return Future.succeededFuture(reply);
            });
        }
    }

    /** A journey that could not go on: the command and a short reason (status and problem reason, no data). */
    public static final class JourneyFailed extends RuntimeException {
        public JourneyFailed(String command, String why) {
            super(command + ": " + why, null, false, false);
        }
    }

    static Function<Throwable, String> reasonOf() {
        return failure -> failure instanceof JourneyFailed ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
