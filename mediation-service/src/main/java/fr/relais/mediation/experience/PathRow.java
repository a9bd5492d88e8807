package fr.relais.mediation.experience;

/**
 * What journeys of one procedure cost citizens on one path. Averages are per journey; times in minutes, over ended
 * journeys (active: the gaps of at most 15 minutes between two things the citizen or an agent did; waiting: the rest).
 * Scores are averages of the end-of-journey surveys' 1–5 answers, null when none was given.
 *
 * @param bounced journeys that went back and forth between channels on a step (channel ping-pong)
 */
public record PathRow(String procedureId, String path, long journeys, long completed, long abandoned,
                      Double medianMinutesToComplete, Double activeMinutes, Double waitingMinutes, double deskTrips,
                      double channelSwitches, double errors, double helpRequests, long escalations, long bounced,
                      long surveys, Double easyToUnderstand, Double helpWhenNeeded, Double feelingComparedToBefore) {

    /** The CSV columns of the open data, in order (README, "Experience"). */
    public static final String CSV_HEADER = "procedure_id,path,journeys,completed,abandoned,median_minutes_to_complete,"
            + "active_minutes,waiting_minutes,desk_trips,channel_switches,errors,help_requests,escalations,bounced,surveys,"
            + "easy_to_understand,help_when_needed,feeling_compared_to_before";

    public String csv() {
        return String.join(",", procedureId, path, String.valueOf(journeys), String.valueOf(completed),
                String.valueOf(abandoned), text(medianMinutesToComplete), text(activeMinutes), text(waitingMinutes),
                text(deskTrips), text(channelSwitches), text(errors), text(helpRequests), String.valueOf(escalations),
                String.valueOf(bounced), String.valueOf(surveys), text(easyToUnderstand), text(helpWhenNeeded),
                text(feelingComparedToBefore));
    }

    private static String text(Double value) {
        return value == null ? "" : String.valueOf(value);
    }
}
