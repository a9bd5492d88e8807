package fr.relais.system.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** One HTTP answer of the gateway: what was asked, the status, the body (parsed and raw), the headers. */
public record Reply(String request, int status, JsonNode body, String raw, HttpHeaders headers) {

    /** A header's first value, if the answer has it. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body when the status is the expected one; otherwise fails naming the request, the body and the logs. */
    public JsonNode expect(int expected) {
        if (status != expected) {
            throw new AssertionError(request + " answered " + status + " (expected " + expected + "): " + raw
                    + RelaisSystem.logHint());
        }
        return body;
    }

    /** The problem type's last segment or the reason of a refused command, whichever the body carries. */
    public String reason() {
        if (body.hasNonNull("reason")) {
            return body.get("reason").asText();
        }
        String type = body.path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
