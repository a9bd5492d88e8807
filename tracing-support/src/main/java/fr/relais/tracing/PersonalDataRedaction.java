package fr.relais.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * Keeps personal data out of every recorded span, whatever an instrumentation puts there: the citizen's address
 * (client.address, network.peer.address), the user agent, the query string, the concrete path (it may hold ids and
 * codes; the route template replaces it), the path and query of a client call's full URL, and SQL text.
 * It rewrites the attributes both when a span starts and while it ends (after the instrumentation's end
 * attributes, before any exporter sees it). Non-recording spans never reach it: it costs nothing when export is off.
 */
@Singleton
@Unremovable
public class PersonalDataRedaction implements ExtendedSpanProcessor {

    static final String REDACTED = "redacted";

    static final List<AttributeKey<String>> HIDDEN = List.of(
            AttributeKey.stringKey("client.address"),
            AttributeKey.stringKey("network.peer.address"),
            AttributeKey.stringKey("user_agent.original"),
            AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("enduser.id"),
            AttributeKey.stringKey("db.statement"),
            AttributeKey.stringKey("db.query.text"));

    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        redact(span);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnding(ReadWriteSpan span) {
        redact(span);
    }

    @Override
    public boolean isOnEndingRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    static void redact(ReadWriteSpan span) {
        for (AttributeKey<String> key : HIDDEN) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, REDACTED);
            }
        }
        String path = span.getAttribute(URL_PATH);
        if (path != null) {
            String route = span.getAttribute(HTTP_ROUTE);
            span.setAttribute(URL_PATH, route != null ? route : REDACTED);
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null) {
            span.setAttribute(URL_FULL, origin(full));
        }
    }

    /** scheme://host:port of a URL: which service was called stays, what was asked of it goes. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return REDACTED;
            }
            // no user info: only the host and port
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return REDACTED;
        }
    }
}
