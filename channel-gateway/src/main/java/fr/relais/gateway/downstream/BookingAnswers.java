package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What appointment-service answers (its {@code api/BookingViews} and site catalogue): the gateway's own copy,
 * tolerant of fields it does not know yet. No personal data: ids, codes and times.
 */
public final class BookingAnswers {

    private BookingAnswers() {
    }

    /** A France Services site; {@code counters}: how many counters take appointments there. */
    @Schema(name = "Site")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Site(String id, String name, String department, String channel, int counters) {
    }

    /** A reason to book (e.g. biometrics for an ID card): its steps, length, notice and horizon, and its sites. */
    @Schema(name = "Motif")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Motif(String id, String title, List<String> steps, long durationMinutes, String channel,
                        long minimumNoticeMinutes, long maximumHorizonDays, List<String> sites) {
    }

    /** A free slot at a site's counter. */
    @Schema(name = "Slot")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(String site, String counter, Instant startsAt, Instant endsAt) {
    }

    /** @param status HELD, CONFIRMED, CANCELLED, CHECKED_IN, NO_SHOW… as appointment-service names it */
    @Schema(name = "Booking")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Booking(UUID id, UUID journeyId, String procedureId, String stepId, String motif, String site, String counter,
                          Instant startsAt, Instant endsAt, String status, Instant holdExpiresAt, String bookedByRole,
                          String cancelReason) {

        /** Still to come: held or confirmed, so it can be moved or cancelled. */
        public boolean active() {
            return "CONFIRMED".equals(status) || "HELD".equals(status);
        }
    }

    /** Hold a slot: the request appointment-service reads ({@code counter} optional). */
    @Schema(name = "HoldRequest")
    public record HoldRequest(UUID journeyId, String procedureId, String stepId, String motif, String site, Instant startsAt,
                              String counter) {
    }
}
