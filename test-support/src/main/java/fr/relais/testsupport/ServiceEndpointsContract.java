package fr.relais.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * What every Relais service exposes to operators, checked against the running service:
 * readiness that really probes its dependencies, Prometheus metrics and the OpenAPI document.
 * A service's test extends this and names the dependencies its readiness must probe.
 */
public abstract class ServiceEndpointsContract {

    /** Fragments of the readiness check names that must be present and UP, e.g. "Kafka", "PostgreSQL". */
    protected abstract List<String> readinessProbes();

    @Test
    void readinessIsUpAndProbesEveryDependency() {
        var response = given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        for (String probe : readinessProbes()) {
            response.body("checks.name", hasItem(containsString(probe)));
        }
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void openApiDocumentIsPublished() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
    }
}
