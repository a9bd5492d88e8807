package fr.relais.gateway.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** After a form: 303 to the page to show next, with the message (a refusal's code, a confirmation) it should show. */
final class PostRedirectGet {

    private PostRedirectGet() {
    }

    /** @param message a short code for the page to word, or null for none */
    static Response to(String path, String message) {
        String query = message == null ? "" : "?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(path + query)).build();
    }
}
