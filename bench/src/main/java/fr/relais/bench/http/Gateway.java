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

/**
 * The gateway's public API as simulated users call it: non-blocking HTTP/1.1 with keep-alive, so one load
 * generator thread keeps thousands of requests in flight without becoming the bottleneck it measures.
 */
public final class Gateway implements AutoCloseable {

    // only commands already past the gateway's own wait (4 s) are polled: a real client waits its Retry-After (1 s)
    private static final long POLL_EVERY_MS = 250;
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final int port;

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
        return send(HttpMethod.POST, path, token, body, UUID.randomUUID().toString())
                .compose(reply -> reply.status() == 202 ? pollUntilDecided(reply.json().getString("poll"), token) : Future.succeededFuture(reply));
    }

    private Future<Reply> pollUntilDecided(String pollPath, String token) {
        Promise<Reply> decided = Promise.promise();
        vertx.setTimer(POLL_EVERY_MS, tick -> get(pollPath, token).onComplete(result -> {
            if (result.failed()) {
                decided.fail(result.cause());
            } else if (result.result().status() == 202) {
                pollUntilDecided(pollPath, token).onComplete(decided);
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
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                .compose(response -> response.body().map(buffer -> new Reply(response.statusCode(), text(buffer))));
    }

    private static String text(Buffer buffer) {
        return buffer == null ? "" : buffer.toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
