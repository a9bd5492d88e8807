package fr.relais.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every failure a service meets leaves as the same RFC 9457 body, to the byte, with no internal detail. */
@QuarkusTest
class ProblemMappersTest {

    @Test
    void aThrownProblemIsAnsweredAsItsProblemWithTheRequestPath() {
        String body = when().get("/trouble/conflict").then().statusCode(409).contentType(Problem.PROBLEM_JSON)
                .extract().asString();
        assertThat(body).isEqualTo("{\"type\":\"https://relais.example/problems/slot-taken\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"the slot was taken a moment ago\",\"instance\":\"/trouble/conflict\"}");
    }

    @Test
    void extensionMembersFollowTheStandardOnes() {
        String body = when().get("/trouble/field").then().statusCode(400).contentType(Problem.PROBLEM_JSON)
                .extract().asString();
        assertThat(body).isEqualTo("{\"type\":\"https://relais.example/problems/invalid-field\",\"title\":\"Invalid field\","
                + "\"status\":400,\"detail\":\"answers.city is null: leave an empty field out\",\"instance\":\"/trouble/field\","
                + "\"field\":\"answers.city\"}");
        when().get("/trouble/members").then().statusCode(422).body("limitDays", equalTo(60)).body("reason", nullValue());
    }

    @Test
    void aRoleChecksRefusalIsA403Problem() {
        when().get("/trouble/role").then().statusCode(403).contentType(Problem.PROBLEM_JSON)
                .body("type", equalTo("https://relais.example/problems/forbidden"))
                .body("title", equalTo("Not allowed"))
                .body("detail", equalTo("your role does not allow this"));
    }

    @Test
    void somethingUnexpectedIsA500ThatSaysNothingOfTheCause() {
        String body = when().get("/trouble/boom").then().statusCode(500).contentType(Problem.PROBLEM_JSON)
                .extract().asString();
        assertThat(body).isEqualTo("{\"type\":\"https://relais.example/problems/internal\",\"title\":\"Internal error\","
                + "\"status\":500,\"detail\":\"the request could not be completed; it has been logged\",\"instance\":\"/trouble/boom\"}");
    }

    @Test
    void aJsonErrorIsAMalformedJsonProblem() {
        when().get("/trouble/json").then().statusCode(400).contentType(Problem.PROBLEM_JSON)
                .body("type", equalTo("https://relais.example/problems/malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", equalTo("the request body is not valid JSON: Unexpected character ('n')"));
    }

    @Test
    void aStatusRefusalIsAnHttpStatusProblemThatHidesServerSideMessages() {
        when().get("/trouble/gone").then().statusCode(410).contentType(Problem.PROBLEM_JSON)
                .body("type", equalTo("https://relais.example/problems/http-410"))
                .body("title", equalTo("Gone")).body("detail", equalTo("the hold expired"));
        when().get("/trouble/unavailable").then().statusCode(503).contentType(Problem.PROBLEM_JSON)
                .body("type", equalTo("https://relais.example/problems/http-503"))
                .body("title", equalTo("Service Unavailable")).body("detail", nullValue());
    }

    @Test
    void whatQuarkusRestRefusesIsAProblemToo() {
        when().get("/nowhere").then().statusCode(404).contentType(Problem.PROBLEM_JSON)
                .body("type", equalTo("https://relais.example/problems/http-404"))
                .body("instance", equalTo("/nowhere"));
        when().delete("/trouble/conflict").then().statusCode(405).contentType(Problem.PROBLEM_JSON)
                .body("type", equalTo("https://relais.example/problems/http-405"));
        given().contentType("text/plain").body("hello").post("/trouble/notes").then().statusCode(415)
                .contentType(Problem.PROBLEM_JSON).body("type", equalTo("https://relais.example/problems/http-415"));
        given().contentType("application/json").body("{not json").post("/trouble/notes").then().statusCode(400)
                .contentType(Problem.PROBLEM_JSON);
    }
}
