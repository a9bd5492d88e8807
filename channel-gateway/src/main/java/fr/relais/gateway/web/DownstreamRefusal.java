package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.WebApplicationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A journey-service refusal as a page reads it: its status, its problem type's last segment (e.g. {@code person-not-found})
 * and, for an invalid person, each field's message (journey-service words them in French).
 */
record DownstreamRefusal(int status, String type, Map<String, String> fieldMessages) {

    static DownstreamRefusal of(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        JsonNode body = null;
        try {
            if (failure.getResponse().hasEntity()) {
                body = failure.getResponse().readEntity(JsonNode.class);
            }
        } catch (RuntimeException unreadable) {
            // no problem document: the status says enough
        }
        String type = body == null ? "" : body.path("type").asText("");
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null) {
            for (JsonNode error : body.path("errors")) {
                fields.putIfAbsent(error.path("field").asText(), error.path("message").asText());
            }
        }
        return new DownstreamRefusal(status, type.substring(type.lastIndexOf('/') + 1), fields);
    }

    boolean is(String wanted) {
        return wanted.equals(type);
    }
}
