package fr.relais.bench.http;

import fr.relais.bench.BenchConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The gateway's public API as simulated users call it: non-blocking HTTP/1.1 with keep-alive, so one load
 * generator thread keeps thousands of requests in flight without becoming the bottleneck it measures.
 */
public final class Gateway implements AutoCloseable {

    // only commands already past the gateway's own wait (4 s) are polled, at the pace the gateway's Retry-After asks:
    // polling faster than told turns a slow spell into a storm of polls that makes it slower still
    private static final long POLL_EVERY_MS = 1_000;
    private static final long REQUEST_TIMEOUT_MS = 30_000;
    // what a careful client does when an instance dies under it: the same request, same Idempotency-Key, a bit later
    private static final long RETRY_FIRST_MS = 200;
    private static final long RETRY_MAX_MS = 2_000;
    private static final long RETRY_GIVE_UP_MS = 90_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final int port;
    private final AtomicLong retries = new AtomicLong();
    private volatile Consumer<JsonObject> onAccepted = accepted -> { };
    private volatile BiConsumer<Reply, Long> onAnswer = (reply, nanos) -> { };
    private volatile boolean overloadedIsAnAnswer;

    public Gateway(Vertx vertx, int port, int connections) {
        this.vertx = vertx;
        this.port = port;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setDefaultHost(BenchConfig.LOOPBACK).setDefaultPort(port),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    public Future<Reply> get(String path, String token) {
        return send(HttpMethod.GET, path, token, null, null);
    }

    public Future<Reply> post(String path, String token, JsonObject body) {
        return send(HttpMethod.POST, path, token, body, null);
    }

    /**
     * A journey command: POST with an Idempotency-Key; a 202 (outcome not back within the gateway's wait) is
     * followed to its poll address until decided, so the latency measured is always request sent -> outcome known.
     */
    public Future<Reply> command(String path, String token, JsonObject body) {
        String key = UUID.randomUUID().toString();
        return retrying(() -> send(HttpMethod.POST, path, token, body, key), System.nanoTime(), RETRY_FIRST_MS)
                .compose(reply -> reply.status() == 202 ? pollUntilDecided(reply.json().getString("poll"), token) : Future.succeededFuture(reply))
                .onSuccess(reply -> {
                    if (reply.status() == 200) {
                        onAccepted.accept(reply.json());
                    }
                });
    }

    /** Told of every accepted command's body (commandId, journeyId…), e.g. to check afterwards that each was applied once. */
    public void onAccepted(Consumer<JsonObject> listener) {
        this.onAccepted = listener;
    }

    /** Told of every HTTP answer (retried ones and polls included) with the nanoseconds it took. */
    public void onAnswer(BiConsumer<Reply, Long> listener) {
        this.onAnswer = listener;
    }

    /**
     * Clients that take a 503 {@code overloaded} (a new journey refused under a rush) as "come back later", as a citizen
     * told so by the page does, instead of sending it again: the refusal is their answer.
     */
    public void takeOverloadedAsAnAnswer() {
        this.overloadedIsAnAnswer = true;
    }

    /** Requests sent again after a 502, 503 or 504 or a broken connection. */
    public long retries() {
        return retries.get();
    }

    /**
     * 502/503/504 and connection failures are retried (doubling pause, capped, never sooner than the server's
     * Retry-After) for up to 90 s; anything else is an answer.
     */
    private Future<Reply> retrying(Supplier<Future<Reply>> call, long sinceNanos, long pauseMs) {
        return call.get().transform(result -> {
            boolean transientFailure = result.failed() || result.result().status() == 502 || result.result().status() == 503
                    && !(overloadedIsAnAnswer && overloaded(result.result())) || result.result().status() == 504;
            if (!transientFailure || (System.nanoTime() - sinceNanos) / 1_000_000 > RETRY_GIVE_UP_MS) {
                return result.failed() ? Future.failedFuture(result.cause()) : Future.succeededFuture(result.result());
            }
            retries.incrementAndGet();
            Promise<Reply> again = Promise.promise();
            long told = result.succeeded() ? result.result().retryAfterMs() : 0;
            vertx.setTimer(Math.max(pauseMs, told), tick -> retrying(call, sinceNanos, Math.min(pauseMs * 2, RETRY_MAX_MS)).onComplete(again));
            return again.future();
        });
    }

    private Future<Reply> pollUntilDecided(String pollPath, String token) {
        return pollUntilDecided(pollPath, token, POLL_EVERY_MS);
    }

    private Future<Reply> pollUntilDecided(String pollPath, String token, long afterMs) {
        Promise<Reply> decided = Promise.promise();
        vertx.setTimer(afterMs, tick -> retrying(() -> get(pollPath, token), System.nanoTime(), RETRY_FIRST_MS).onComplete(result -> {
            if (result.failed()) {
                decided.fail(result.cause());
            } else if (result.result().status() == 202) {
                long told = result.result().retryAfterMs();
                pollUntilDecided(pollPath, token, told > 0 ? told : POLL_EVERY_MS).onComplete(decided);
            } else {
                decided.complete(result.result());
            }
        }));
        return decided.future();
    }

    private Future<Reply> send(HttpMethod method, String path, String token, JsonObject body, String idempotencyKey) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(path).setPort(port).setHost(BenchConfig.LOOPBACK)
                .setTimeout(REQUEST_TIMEOUT_MS)
                .putHeader("Accept", "application/json")
                .putHeader("Authorization", "Bearer " + token);
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            options.putHeader("Idempotency-Key", idempotencyKey);
        }
        long sent = System.nanoTime();
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                .compose(response -> response.body().map(buffer -> new Reply(response.statusCode(), text(buffer),
                        retryAfterMs(response.getHeader("Retry-After")))))
                .onSuccess(reply -> onAnswer.accept(reply, System.nanoTime() - sent));
    }

    /** The gateway's refusal of a new journey under a rush (its problem type), as apart from an unavailable service. */
    public static boolean overloaded(Reply reply) {
        return reply.status() == 503 && reply.body().contains("/problems/overloaded\"");
    }

    /** Retry-After in seconds (the only form the gateway sends); an HTTP date or garbage counts as absent. */
    private static long retryAfterMs(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim())) * 1_000;
        } catch (NumberFormatException notSeconds) {
            return 0;
        }
    }

    private static String text(Buffer buffer) {
        return buffer == null ? "" : buffer.toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
