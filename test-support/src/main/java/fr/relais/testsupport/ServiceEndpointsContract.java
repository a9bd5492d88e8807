package fr.relais.testsupport;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every Relais service exposes to operators, checked against the running service: readiness that
 * really probes its dependencies, Prometheus metrics and the OpenAPI document, all on the management
 * interface (loopback), and none of them on the public port. A service's test extends this and names the
 * dependencies its readiness must probe.
 */
public abstract class ServiceEndpointsContract {

    /** Fragments of the readiness check names that must be present and UP, e.g. "Kafka", "PostgreSQL". */
    protected abstract List<String> readinessProbes();

    /**
     * A path of the service's API that {@link #callerOfProtectedPath()} may call (any answer but 401 is fine): used to
     * prove that tokens of another client and tokens without a subject are refused.
     */
    protected abstract String protectedPath();

    protected abstract DemoUser callerOfProtectedPath();

    /** A request to the service's management interface (its test port, from the service's own configuration). */
    public static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }

    @Test
    void readinessIsUpAndProbesEveryDependency() {
        var response = management().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        for (String probe : readinessProbes()) {
            response.body("checks.name", hasItem(containsString(probe)));
        }
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void openApiDocumentIsPublished() {
        management().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
    }

    /**
     * docs/openapi/&lt;service&gt;.json is what the service publishes: it fails when the committed file drifts from the
     * code, and {@code ./relais contracts} (this test with -Drelais.contracts.write=true) rewrites it.
     */
    @Test
    void theCommittedOpenApiDocumentIsThePublishedOne() throws IOException {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        Path published = Path.of("..", "docs", "openapi", service + ".json");
        String served = management().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        String generated = PublishedDocuments.canonical(served);
        if (Boolean.getBoolean("relais.contracts.write")) {
            Files.createDirectories(published.getParent());
            Files.writeString(published, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(published), published + " is missing: run ./relais contracts");
        assertEquals(generated, Files.readString(published, StandardCharsets.UTF_8),
                "docs/openapi/" + service + ".json is stale (an operation or schema changed): run ./relais contracts and commit it");
    }

    @Test
    void onlyTokensIssuedForThisServiceWithASubjectAreAccepted() {
        DemoUser user = callerOfProtectedPath();
        given().auth().oauth2(KeycloakTokens.accessToken(user)).when().get(protectedPath())
                .then().statusCode(org.hamcrest.Matchers.not(401));
        given().auth().oauth2(KeycloakTokens.accessTokenOfAnotherClient(user)).when().get(protectedPath())
                .then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessTokenWithoutSubject(user)).when().get(protectedPath())
                .then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/",
            "/q/dev-ui"})
    void thePublicPortServesNoOperatorEndpoint(String path) {
        given().redirects().follow(false).when().get(path).then().statusCode(404);
    }
}
