package fr.relais.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The rules a new or moved booking must satisfy, apart from the counter being free (the database decides that). */
public final class BookingPolicy {

    private BookingPolicy() {
    }

    /**
     * @param otherActiveForStep whether the journey already has another active booking for the step
     */
    public static Optional<Rejection> check(Site site, Motif motif, String procedureId, String stepId, Instant start,
                                            Instant now, boolean otherActiveForStep) {
        if (!motif.offeredAt(site.id())) {
            return reject(Rejection.MOTIF_NOT_AT_SITE, "motif " + motif.id() + " is not offered at " + site.id());
        }
        if (!motif.serves(procedureId, stepId)) {
            return reject(Rejection.STEP_NOT_SERVED, "motif " + motif.id() + " does not serve step " + procedureId + "/" + stepId);
        }
        if (start.isBefore(now.plus(motif.rules().minimumNotice()))) {
            return reject(Rejection.TOO_SOON, "motif " + motif.id() + " needs " + human(motif.rules().minimumNotice())
                    + " notice; the earliest start is " + now.plus(motif.rules().minimumNotice()));
        }
        if (start.isAfter(now.plus(motif.rules().maximumHorizon()))) {
            return reject(Rejection.TOO_FAR, "motif " + motif.id() + " is booked at most " + human(motif.rules().maximumHorizon())
                    + " ahead; the latest start is " + now.plus(motif.rules().maximumHorizon()));
        }
        LocalDate date = start.atZone(site.hours().zone()).toLocalDate();
        if (site.hours().isClosed(date)) {
            return reject(Rejection.CLOSED, site.id() + " is closed on " + date.format(DateTimeFormatter.ISO_LOCAL_DATE)
                    + (FrenchPublicHolidays.isHoliday(date) ? " (public holiday)" : "")
                    + site.hours().closures().stream().filter(c -> c.isWholeDay() && c.date().equals(date))
                    .map(c -> " (" + c.reason() + ")").findFirst().orElse(""));
        }
        TimeWindow window = new TimeWindow(start, start.plus(motif.duration()));
        java.util.Optional<Closure> closure = site.hours().closureDuring(window);
        if (closure.isPresent()) {
            return reject(Rejection.CLOSED, site.id() + " is closed on " + date + " from " + closure.get().from() + " to "
                    + closure.get().to() + " (" + closure.get().reason() + ")");
        }
        if (!site.hours().isOpenDuring(window)) {
            return reject(Rejection.CLOSED, site.id() + " is not open for the whole of " + start + " + " + human(motif.duration()));
        }
        if (!SlotCalculator.isOnGrid(site, motif, start)) {
            return reject(Rejection.NOT_ON_GRID, start + " is not the start of a " + human(motif.duration()) + " slot at " + site.id());
        }
        if (otherActiveForStep) {
            return reject(Rejection.DUPLICATE_STEP, "the journey already has an active booking for step " + stepId);
        }
        return Optional.empty();
    }

    /**
     * A hold names the procedure its journey follows (journey.events told this service which), so that a motif serves
     * only steps of the journey's own procedure. A journey learnt before procedures were recorded has none to compare.
     */
    public static Optional<Rejection> checkProcedure(String journeyProcedureId, String requestedProcedureId) {
        if (journeyProcedureId == null || journeyProcedureId.equals(requestedProcedureId)) {
            return Optional.empty();
        }
        return reject(Rejection.NOT_THE_JOURNEYS_PROCEDURE, "the journey follows procedure " + journeyProcedureId
                + ", not " + requestedProcedureId);
    }

    /** A journey that completed, was cancelled or abandoned gets no new booking (its live ones were cancelled). */
    public static Optional<Rejection> checkRunning(Instant journeyEndedAt) {
        if (journeyEndedAt == null) {
            return Optional.empty();
        }
        return reject(Rejection.JOURNEY_ENDED, "the journey ended at " + journeyEndedAt + "; nothing more is booked for it");
    }

    private static Optional<Rejection> reject(String reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }

    static String human(Duration duration) {
        if (duration.toDaysPart() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return duration.toDays() + " days";
        }
        if (duration.toMinutesPart() == 0) {
            return duration.toHours() + " h";
        }
        return duration.toMinutes() + " min";
    }
}
