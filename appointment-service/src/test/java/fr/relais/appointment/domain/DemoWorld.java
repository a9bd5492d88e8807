package fr.relais.appointment.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo sites and motifs of DEMO-DATA.md, built in plain Java for domain tests. */
final class DemoWorld {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final OpeningHours FULL_WEEK = new OpeningHours(PARIS, weekdays(false), Set.of(), true);
    static final OpeningHours CLOSED_WEDNESDAY_AFTERNOON = new OpeningHours(PARIS, weekdays(true), Set.of(), true);

    static final Site AUBERVILLIERS = new Site("fs-aubervilliers", "France Services Aubervilliers", "93", Channel.DESK,
            FULL_WEEK, List.of("fs-aubervilliers-g1", "fs-aubervilliers-g2"));
    static final Site GUERET = new Site("fs-gueret", "France Services Guéret", "23", Channel.DESK,
            CLOSED_WEDNESDAY_AFTERNOON, List.of("fs-gueret-g1"));

    static final Motif BIOMETRIE = new Motif("cni-biometrie", "Prise d'empreintes",
            Set.of("cni-renouvellement/rdv-biometrie"), Duration.ofMinutes(20), Channel.DESK,
            new BookingRules(Duration.ofHours(2), Duration.ofDays(60)),
            Set.of("fs-aubervilliers", "fs-saint-denis", "fs-gueret", "fs-aubusson"));

    static final Motif ACCOMPAGNEMENT = new Motif("accompagnement", "Accompagnement",
            Set.of("cni-renouvellement/identite", "cni-renouvellement/formulaire", "cni-renouvellement/justificatifs",
                    "cni-renouvellement/rdv-biometrie", "cni-renouvellement/remise", "aide-logement/situation",
                    "aide-logement/logement", "aide-logement/ressources", "aide-logement/justificatifs",
                    "aide-logement/validation"),
            Duration.ofMinutes(30), Channel.DESK, new BookingRules(Duration.ZERO, Duration.ofDays(30)),
            Set.of("fs-aubervilliers", "fs-gueret"));

    private DemoWorld() {
    }

    static Map<DayOfWeek, List<OpeningHours.Period>> weekdays(boolean wednesdayMorningOnly) {
        Map<DayOfWeek, List<OpeningHours.Period>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(day, wednesdayMorningOnly && day == DayOfWeek.WEDNESDAY
                    ? List.of(OpeningHours.Period.of("09:00", "12:30"))
                    : List.of(OpeningHours.Period.of("09:00", "12:30"), OpeningHours.Period.of("13:30", "17:00")));
        }
        return weekly;
    }
}
