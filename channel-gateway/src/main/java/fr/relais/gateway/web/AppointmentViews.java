package fr.relais.gateway.web;

import fr.relais.gateway.downstream.BookingAnswers;
import io.quarkus.qute.TemplateData;

import java.util.List;

/** What the appointment screen shows: the journey's bookings, the motifs and sites to choose, the first free slots. */
final class AppointmentViews {

    /** The first free slots are enough to choose from. */
    private static final int SLOTS_SHOWN = 12;

    private AppointmentViews() {
    }

    @TemplateData
    public record Booking(String id, String when, String site, String motif, String status, boolean active) {
    }

    /** @param value the slot's start as appointment-service wrote it, sent back to book it */
    @TemplateData
    public record Slot(String value, String label) {
    }

    static List<Booking> bookings(List<BookingAnswers.Booking> bookings) {
        return bookings.stream().map(b -> new Booking(Wording.text(b.id()), Wording.when(b.startsAt()), Wording.text(b.site()),
                Wording.text(b.motif()), Vocabulary.bookingStatus(b.status()), b.active())).toList();
    }

    static List<Option> motifs(List<BookingAnswers.Motif> motifs) {
        return motifs.stream().map(m -> Option.of(m.id(), m.title())).toList();
    }

    static List<Option> sites(List<BookingAnswers.Site> sites) {
        return sites.stream().map(s -> Option.of(s.id(), s.name())).toList();
    }

    static List<Slot> firstFree(List<BookingAnswers.Slot> slots) {
        return slots.stream().limit(SLOTS_SHOWN).map(s -> new Slot(Wording.text(s.startsAt()), Wording.when(s.startsAt()))).toList();
    }
}
