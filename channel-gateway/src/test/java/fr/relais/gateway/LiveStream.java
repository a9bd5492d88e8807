package fr.relais.gateway;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A screen following a journey's live stream in a test: its status, the lines it heard, whether the stream ended. */
final class LiveStream implements AutoCloseable {

    /** One reader thread per open stream: reading a stream's lines blocks until it ends. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "live-stream-reader");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final List<String> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private LiveStream(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            try (Stream<String> body = r.body()) {
                body.forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // closed by the test
            } finally {
                ended.complete(null);
            }
        }, READERS).exceptionally(failure -> {
            ended.complete(null);
            return null;
        });
    }

    static LiveStream open(URI uri, String token) {
        return new LiveStream(uri, token);
    }

    /** The status, as soon as the headers arrived (a stream that opened keeps running after it). */
    int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    String contentType() throws Exception {
        return response.get(10, TimeUnit.SECONDS).headers().firstValue("Content-Type").orElse("");
    }

    boolean endsWithin(Duration duration) {
        try {
            ended.get(duration.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
    }
}
