package fr.relais.gateway.downstream;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the caller gets when a Relais service fails under a request: a problem to retry, never a 500. */
class DownstreamProblemsTest {

    private final DownstreamProblems problems = new DownstreamProblems();

    @Test
    void aConnectionClosedUnderTheRequestIsA503ToRetry() {
        // what the reactive REST client raises when the instance it talks to is SIGKILLed mid-request
        Response response = problems.closed(new IOException("Connection was closed"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getEntity().toString()).contains("service-unavailable").doesNotContain("Connection was closed");
    }

    @Test
    void onlyAServiceThatDidNotAnswerCountsAsNoAnswerNotOneThatRefused() {
        assertThat(DownstreamProblems.noAnswer(new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException("2 s"))).isTrue();
        assertThat(DownstreamProblems.noAnswer(new org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException())).isTrue();
        assertThat(DownstreamProblems.noAnswer(new IOException("Connection was closed"))).isTrue();
        assertThat(DownstreamProblems.noAnswer(new jakarta.ws.rs.ProcessingException("refused"))).isTrue();
        assertThat(DownstreamProblems.noAnswer(new jakarta.ws.rs.WebApplicationException(409))).isFalse();
        assertThat(DownstreamProblems.noAnswer(new IllegalStateException("a bug"))).isFalse();
    }
}
