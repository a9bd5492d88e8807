package fr.relais.problem.openapi;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** A service that uses problem-support documents its refusals as problems without a word of its own. */
@QuarkusTest
class ProblemOpenApiDocumentTest {

    @Test
    void theTestServicesDocumentHasItsProblemResponsesByRule() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/trouble/{kind}'.get.responses.'404'.$ref", equalTo("#/components/responses/NotFound"))
                .body("paths.'/trouble/notes'.post.responses.'400'.$ref", equalTo("#/components/responses/BadRequest"))
                .body("components.responses.NotFound.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.properties", hasKey("status"));
    }
}
