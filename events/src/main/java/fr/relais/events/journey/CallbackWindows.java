package fr.relais.events.journey;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed list of windows a citizen may choose for a call back: a weekday morning or afternoon of the phone
 * platform's opening hours (Europe/Paris), written {@code mardi-matin}, {@code jeudi-apres-midi}.
 */
public final class CallbackWindows {

    public static final LocalTime MORNING_START = LocalTime.of(9, 0);
    public static final LocalTime MORNING_END = LocalTime.of(12, 30);
    public static final LocalTime AFTERNOON_START = LocalTime.of(13, 30);
    public static final LocalTime AFTERNOON_END = LocalTime.of(17, 0);

    private static final List<String> DAYS = List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi");

    /** One window: a day of the week and its opening and closing times. */
    public record Window(String code, DayOfWeek day, LocalTime start, LocalTime end) {
    }

    private static final List<Window> ALL;

    static {
        List<Window> all = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            DayOfWeek day = DayOfWeek.of(i + 1);
            all.add(new Window(DAYS.get(i) + "-matin", day, MORNING_START, MORNING_END));
            all.add(new Window(DAYS.get(i) + "-apres-midi", day, AFTERNOON_START, AFTERNOON_END));
        }
        ALL = List.copyOf(all);
    }

    private CallbackWindows() {
    }

    public static List<Window> all() {
        return ALL;
    }

    public static Optional<Window> find(String code) {
        String wanted = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(w -> w.code().equals(wanted)).findFirst();
    }

    public static boolean isKnown(String code) {
        return find(code).isPresent();
    }
}
