package fr.relais.gateway.live;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a live stream of one journey (path parameter {@code id}): {@link WatchAuthorization} runs on the matched
 * resource method, whatever the raw path looked like, before the stream opens.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Watched {
}
