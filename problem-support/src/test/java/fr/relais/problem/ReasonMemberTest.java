package fr.relais.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A service that promised its clients a {@code reason} member gets it on every problem, its own and the shared ones. */
@QuarkusTest
@TestProfile(ReasonMemberTest.WithReason.class)
class ReasonMemberTest {

    public static class WithReason implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relais.problems.reason-member", "true");
        }
    }

    @Test
    void everyProblemRepeatsItsShortTypeAsReason() {
        String body = when().get("/trouble/conflict").then().statusCode(409).extract().asString();
        assertThat(body).isEqualTo("{\"type\":\"https://relais.example/problems/slot-taken\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"the slot was taken a moment ago\",\"instance\":\"/trouble/conflict\","
                + "\"reason\":\"slot-taken\"}");
        when().get("/trouble/role").then().statusCode(403).body("reason", equalTo("forbidden"));
        when().get("/trouble/json").then().statusCode(400).body("reason", equalTo("malformed-json"));
        when().get("/trouble/boom").then().statusCode(500).body("reason", equalTo("internal"));
        when().get("/trouble/members").then().statusCode(422).body("reason", equalTo("too-far")).body("limitDays", equalTo(60));
    }
}
