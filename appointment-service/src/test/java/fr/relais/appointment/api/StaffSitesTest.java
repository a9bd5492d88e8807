package fr.relais.appointment.api;

import fr.relais.appointment.Journeys;
import fr.relais.appointment.TestDatabase;
import fr.relais.appointment.TestTopics;
import fr.relais.testsupport.DemoUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fr.relais.appointment.api.BookingApiTest.as;
import static fr.relais.appointment.api.BookingApiTest.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Staff book where they work, with real tokens: a counter agent only at the site of their token's site claim
 * (agnes: fs-aubervilliers, sofiane: fs-saint-denis); a phone agent (paul) and a mediator (maya) anywhere. Each
 * acts for a citizen with a reason (here: the citizen waits for the agent's site, a verified call, a case in the
 * mediator's pool); without one, see BookingAccessTest.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class StaffSitesTest {

    @Inject
    AgroalDataSource dataSource;

    TestDatabase db;
    Journeys journeys;

    @BeforeEach
    void clean() throws Exception {
        db = new TestDatabase(dataSource);
        db.clearBookings();
        journeys = new Journeys(db);
    }

    @AfterEach
    void closeJourneys() {
        journeys.close();
    }

    /** Camille's journey, waiting in the queue of the site. */
    private UUID waitingFor(String site) {
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        journeys.handedOffTo(journey, DemoUser.CAMILLE, site);
        return journey;
    }

    @Test
    void aCounterAgentHoldsAtTheirOwnSiteOnly() throws Exception {
        Instant start = BookingApiTestSupport.mondayAt(9, 0);
        UUID atAubervilliers = waitingFor("fs-aubervilliers");
        hold(DemoUser.AGNES, atAubervilliers, "fs-aubervilliers", start, null).statusCode(201)
                .body("bookedByRole", equalTo("counter-agent"));
        hold(DemoUser.AGNES, waitingFor("fs-aubervilliers"), "fs-saint-denis", start, null).statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("reason", equalTo("not-your-site"))
                .body("detail", allOf(containsString("fs-aubervilliers"), containsString("fs-saint-denis")));
        hold(DemoUser.SOFIANE, waitingFor("fs-saint-denis"), "fs-saint-denis", start, null).statusCode(201);
        assertThat(db.count("select count(*) from booking where site_id = 'fs-saint-denis'")).isEqualTo(1);
    }

    @Test
    void aCounterAgentCannotConfirmCancelRescheduleOrCheckInAnotherSitesBooking() throws Exception {
        Instant start = BookingApiTestSupport.mondayAt(9, 20);
        String id = hold(DemoUser.AGNES, waitingFor("fs-aubervilliers"), "fs-aubervilliers", start, null).statusCode(201)
                .extract().path("id");

        // sofiane has no reason to know of this booking: for him it does not exist
        as(DemoUser.SOFIANE).post("/bookings/" + id + "/confirm").then().statusCode(404).body("reason", equalTo("not-found"));
        as(DemoUser.AGNES).post("/bookings/" + id + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        as(DemoUser.SOFIANE).contentType(ContentType.JSON).body(Map.of()).post("/bookings/" + id + "/cancel")
                .then().statusCode(404).body("reason", equalTo("not-found"));
        as(DemoUser.SOFIANE).post("/bookings/" + id + "/check-in").then().statusCode(404).body("reason", equalTo("not-found"));
        // agnes may not move her site's booking to a site where she does not work
        as(DemoUser.AGNES).contentType(ContentType.JSON)
                .body(Map.of("site", "fs-saint-denis", "startsAt", start.plusSeconds(86_400).toString()))
                .post("/bookings/" + id + "/reschedule").then().statusCode(403).body("reason", equalTo("not-your-site"));

        assertThat(db.status(UUID.fromString(id))).isEqualTo("CONFIRMED");
        assertThat(db.count("select count(*) from booking where id = ?::uuid and site_id = 'fs-aubervilliers' and starts_at = ?",
                id, java.sql.Timestamp.from(start))).isEqualTo(1);
        // the day sheet is site-scoped too
        as(DemoUser.SOFIANE).queryParam("date", start.atZone(BookingApiTest.PARIS).toLocalDate().toString())
                .get("/sites/fs-aubervilliers/day-sheet").then().statusCode(403).body("reason", equalTo("not-your-site"));
        as(DemoUser.AGNES).queryParam("date", start.atZone(BookingApiTest.PARIS).toLocalDate().toString())
                .get("/sites/fs-aubervilliers/day-sheet").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void aPhoneAgentAndAMediatorBookAtAnySiteForACitizen() {
        Instant start = BookingApiTestSupport.mondayAt(10, 0);
        UUID called = journeys.startedBy(DemoUser.MOHAMED);
        journeys.callerVerifiedBy(called, DemoUser.PAUL);
        String byPaul = hold(DemoUser.PAUL, called, "fs-gueret", start, null).statusCode(201)
                .body("bookedByRole", equalTo("phone-agent")).extract().path("id");
        as(DemoUser.PAUL).post("/bookings/" + byPaul + "/confirm").then().statusCode(200);

        UUID escalated = journeys.startedBy(DemoUser.CAMILLE);
        journeys.caseOpened(escalated, "93");
        String byMaya = hold(DemoUser.MAYA, escalated, "fs-saint-denis", start, null).statusCode(201)
                .body("bookedByRole", equalTo("mediator")).extract().path("id");
        as(DemoUser.MAYA).contentType(ContentType.JSON)
                .body(Map.of("site", "fs-aubervilliers", "startsAt", start.plusSeconds(3600).toString()))
                .post("/bookings/" + byMaya + "/reschedule").then().statusCode(200).body("site", equalTo("fs-aubervilliers"));
        as(DemoUser.MAYA).contentType(ContentType.JSON).body(Map.of()).post("/bookings/" + byMaya + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }
}
