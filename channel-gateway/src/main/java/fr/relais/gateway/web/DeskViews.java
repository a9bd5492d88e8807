package fr.relais.gateway.web;

import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.JourneyAnswers;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the counter agent's screen shows: the site's queue, its day sheet, a journey's data. */
final class DeskViews {

    private DeskViews() {
    }

    /** A row of the queue, of the day sheet or of a journey's data, already in words. */
    @TemplateData
    public record Row(String journeyId, String what, String detail, String since) {
    }

    static List<Row> queue(List<JourneyAnswers.QueueEntry> entries) {
        return entries.stream().map(entry -> new Row(Wording.text(entry.journeyId()), Wording.text(entry.procedureId()),
                Wording.text(entry.currentStep()) + " · motif : " + Vocabulary.handoffReason(entry.reasonCode()),
                Wording.when(entry.waitingSince()))).toList();
    }

    static List<Row> daySheet(List<BookingAnswers.Booking> bookings) {
        return bookings.stream().map(booking -> new Row(Wording.text(booking.journeyId()), Wording.text(booking.motif()),
                Wording.text(booking.status()), Wording.when(booking.startsAt()))).toList();
    }

    /** Each answer given so far: step title, field name, value. */
    static List<Row> data(Map<String, Map<String, String>> answers, StepForm.Procedure procedure) {
        List<Row> data = new ArrayList<>();
        answers.forEach((stepId, fields) -> fields.forEach((name, value) ->
                data.add(new Row(stepId, procedure.stepTitle(stepId), name, value))));
        return data;
    }
}
