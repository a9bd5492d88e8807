package fr.relais.gateway.web;

import fr.relais.gateway.downstream.JourneyAnswers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A journey's history and answers as the citizen and the agents read them. */
final class JourneyTimeline {

    private JourneyTimeline() {
    }

    /** The timeline in words a citizen reads: what happened, on which channel, by whom (a role, never a name). */
    static List<Line> of(JourneyAnswers.Detail journey, StepForm.Procedure procedure) {
        if (journey.timeline() == null) {
            return List.of();
        }
        return journey.timeline().stream().map(entry -> {
            String step = entry.stepId() != null ? " — " + procedure.stepTitle(entry.stepId()) : "";
            String by = entry.actorRole() != null ? " (" + Wording.role(entry.actorRole())
                    + (entry.actorSite() != null ? ", " + entry.actorSite() : "") + ")" : "";
            return new Line(Wording.when(entry.at()), Wording.event(entry.what()) + step + " · " + Wording.channel(entry.channel()) + by);
        }).toList();
    }

    /** Step id -> field -> value, in the order journey-service gave them; empty when the reader sees none. */
    static Map<String, Map<String, String>> answers(JourneyAnswers.Detail journey) {
        // a map that answers a null key (no current step) with nothing, as Map.of() would not
        return journey.answers() == null ? new LinkedHashMap<>() : journey.answers();
    }
}
