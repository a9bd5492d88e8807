package fr.relais.appointment.api;

import fr.relais.appointment.Journeys;
import fr.relais.appointment.TestDatabase;
import fr.relais.appointment.TestTopics;
import fr.relais.appointment.domain.FrenchPublicHolidays;
import fr.relais.appointment.service.CatalogCache;
import fr.relais.testsupport.DemoUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.appointment.api.BookingApiTest.PARIS;
import static fr.relais.appointment.api.BookingApiTest.as;
import static fr.relais.appointment.api.BookingApiTest.hold;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** ada closes a site for part of a day or a whole day: slots go at once, bookings inside are listed, not dropped. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ClosuresTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogCache catalog;

    TestDatabase db;

    /** A plain Monday (Monday and Tuesday not holidays) three weeks out or more, apart from the dates the other suites use. */
    static LocalDate day() {
        LocalDate monday = BookingApiTest.nextPlainMonday().plusWeeks(2);
        while (FrenchPublicHolidays.isHoliday(monday) || FrenchPublicHolidays.isHoliday(monday.plusDays(1))) {
            monday = monday.plusWeeks(1);
        }
        return monday;
    }

    @BeforeEach
    @AfterEach
    void clean() throws Throwable {
        db = new TestDatabase(dataSource);
        db.clearBookings();
        db.execute("delete from site_closure where site_id in ('fs-gueret', 'fs-aubusson')");
        VertxContextSupport.subscribeAndAwait(catalog::refresh);
    }

    /** A journey of Camille's that the service knows (from journey.events). */
    private UUID camillesJourney() {
        try (Journeys journeys = new Journeys(db)) {
            return journeys.startedBy(DemoUser.CAMILLE);
        }
    }

    @Test
    void partOfADayClosedTakesItsSlotsAwayAtOnceAndReopeningBringsThemBack() {
        LocalDate day = day();
        assertThat(freeStarts("fs-gueret", day)).hasSize(20);

        String id = close("fs-gueret", day, "10:00", "11:00", "formation de l'équipe").statusCode(201)
                .body("site", equalTo("fs-gueret")).body("from", equalTo("10:00")).body("to", equalTo("11:00")).body("wholeDay", equalTo(false))
                .body("affectedBookingIds", empty()).extract().path("id");

        List<Instant> starts = freeStarts("fs-gueret", day);
        assertThat(starts).hasSize(17).noneMatch(s -> {
            int hour = s.atZone(PARIS).getHour();
            return hour == 10;
        });
        hold(DemoUser.CAMILLE, camillesJourney(), "fs-gueret", day.atTime(10, 20).atZone(PARIS).toInstant(), null)
                .statusCode(422).body("reason", equalTo("site-closed")).body("detail", containsString("formation"));
        as(DemoUser.ADA).get("/sites/fs-gueret/closures").then().statusCode(200).body("id", hasItem(id));

        as(DemoUser.ADA).delete("/sites/fs-gueret/closures/" + id).then().statusCode(204);
        assertThat(freeStarts("fs-gueret", day)).hasSize(20);
        as(DemoUser.ADA).delete("/sites/fs-gueret/closures/" + id).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void bookingsInsideANewClosureAreListedForAnAgentToCallNotDropped() throws Exception {
        LocalDate day = day();
        String inside = hold(DemoUser.CAMILLE, camillesJourney(), "fs-aubusson", day.atTime(14, 10).atZone(PARIS).toInstant(), null)
                .statusCode(201).extract().path("id");
        as(DemoUser.CAMILLE).post("/bookings/" + inside + "/confirm").then().statusCode(200);
        String heldInside = hold(DemoUser.CAMILLE, camillesJourney(), "fs-aubusson", day.atTime(15, 30).atZone(PARIS).toInstant(), null)
                .statusCode(201).extract().path("id");
        String morning = hold(DemoUser.CAMILLE, camillesJourney(), "fs-aubusson", day.atTime(9, 0).atZone(PARIS).toInstant(), null)
                .statusCode(201).extract().path("id");

        List<String> affected = close("fs-aubusson", day, "13:30", "17:00", "coupure de courant").statusCode(201)
                .extract().jsonPath().getList("affectedBookingIds");
        assertThat(affected).containsExactly(inside, heldInside);

        // nothing cancelled behind the citizen's back; a hold inside the closure can no longer be confirmed
        assertThat(db.status(UUID.fromString(inside))).isEqualTo("CONFIRMED");
        as(DemoUser.CAMILLE).post("/bookings/" + heldInside + "/confirm").then().statusCode(422)
                .body("reason", equalTo("site-closed")).body("detail", containsString("coupure de courant"));
        as(DemoUser.CAMILLE).post("/bookings/" + morning + "/confirm").then().statusCode(200);

        // a whole day lists every live booking of the day
        List<String> wholeDay = close("fs-aubusson", day, null, null, "fermeture exceptionnelle").statusCode(201)
                .body("wholeDay", equalTo(true)).extract().jsonPath().getList("affectedBookingIds");
        assertThat(wholeDay).containsExactly(morning, inside, heldInside);
        assertThat(freeStarts("fs-aubusson", day)).isEmpty();
    }

    @Test
    void wrongCallsGetProblems() {
        LocalDate day = day();
        close(DemoUser.AGNES, "fs-gueret", body(day.toString(), null, null, "travaux")).statusCode(403)
                .contentType(startsWith("application/problem+json"));
        close(DemoUser.ADA, "fs-nowhere", body(day.toString(), null, null, "travaux")).statusCode(404)
                .body("reason", equalTo("unknown-site"));
        close(DemoUser.ADA, "fs-gueret", body(day.toString(), "11:00", "10:00", "travaux")).statusCode(400)
                .body("reason", equalTo("invalid-request")).body("detail", containsString("end after it starts"));
        close(DemoUser.ADA, "fs-gueret", body(day.toString(), "11:00", null, "travaux")).statusCode(400)
                .body("detail", containsString("both from and to"));
        close(DemoUser.ADA, "fs-gueret", body("lundi", null, null, "travaux")).statusCode(400)
                .body("detail", containsString("YYYY-MM-DD"));
        close(DemoUser.ADA, "fs-gueret", body(day.toString(), "9h", "10:00", "travaux")).statusCode(400)
                .body("detail", containsString("HH:mm"));
        close(DemoUser.ADA, "fs-gueret", body(LocalDate.now(PARIS).minusDays(1).toString(), null, null, "travaux")).statusCode(400)
                .body("detail", containsString("past"));
        close(DemoUser.ADA, "fs-gueret", body(day.toString(), null, null, " ")).statusCode(400)
                .body("detail", containsString("reason"));
        as(DemoUser.ADA).contentType(ContentType.JSON).body("{\"date\": ").post("/sites/fs-gueret/closures")
                .then().statusCode(400).body("reason", equalTo("malformed-json"));
        as(DemoUser.ADA).delete("/sites/fs-gueret/closures/" + UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(body(day.toString(), null, null, "travaux"))
                .post("/sites/fs-gueret/closures").then().statusCode(401);
        // a closure is deleted only through its own site
        String id = close("fs-gueret", day, null, null, "travaux").statusCode(201).extract().path("id");
        as(DemoUser.ADA).delete("/sites/fs-aubusson/closures/" + id).then().statusCode(404);
        as(DemoUser.AGNES).delete("/sites/fs-gueret/closures/" + id).then().statusCode(403);
    }

    private static List<Instant> freeStarts(String site, LocalDate day) {
        return as(DemoUser.CAMILLE).queryParam("motif", "cni-biometrie").queryParam("sites", site)
                .queryParam("from", day.toString()).queryParam("to", day.toString()).get("/availability")
                .then().statusCode(200).extract().jsonPath().getList("startsAt", String.class).stream().map(Instant::parse).toList();
    }

    private static ValidatableResponse close(String site, LocalDate day, String from, String to, String reason) {
        return close(DemoUser.ADA, site, body(day.toString(), from, to, reason));
    }

    private static ValidatableResponse close(DemoUser user, String site, Map<String, String> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/sites/" + site + "/closures").then();
    }

    private static Map<String, String> body(String date, String from, String to, String reason) {
        Map<String, String> body = new HashMap<>();
        body.put("date", date);
        if (from != null) {
            body.put("from", from);
        }
        if (to != null) {
            body.put("to", to);
        }
        body.put("reason", reason);
        return body;
    }
}
