package fr.relais.bench.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An HTTP answer: status, raw body (parsed on demand) and the server's Retry-After in milliseconds (0 when absent).
 */
public record Reply(int status, String body, long retryAfterMs) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonObject json() {
        return new JsonObject(body);
    }

    public JsonArray array() {
        return new JsonArray(body);
    }

    /** For error reports: the status and the problem's reason or title, never the whole body. */
    public String brief() {
        try {
            JsonObject problem = json();
            return status + " " + problem.getString("reason", problem.getString("title", ""));
        } catch (RuntimeException notJson) {
            return String.valueOf(status);
        }
    }
}
