package fr.relais.gateway.web.receipt;

import fr.relais.document.FranceServicesSites;

import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds a receipt from what journey-service answers (or from the same facts as plain values): the place phrase,
 * the help lines and the steps still to do, in French.
 */
public final class ReceiptFactory {

    /** A number from the range ARCEP keeps for fiction, for the demo; a deployment passes its real line. */
    public static final String DEMO_PHONE_LINE = "01 99 00 27 27";

    private static final String STARTED = "journey-started";

    private final String phoneLine;

    /** @param phoneLine the help line printed on every receipt, as it should be read */
    public ReceiptFactory(String phoneLine) {
        this.phoneLine = Objects.requireNonNull(phoneLine, "phoneLine");
    }

    /**
     * From plain values.
     *
     * @param stepTitles        the steps still to do, in order, the current one first
     * @param currentNeedsAgent the current step waits for an agent (counter visit, call): marked "à faire maintenant"
     * @param channel           where the journey started: desk, phone (portal reads "en ligne")
     * @param siteId            the agent's site for a desk start; ignored otherwise
     * @param citizenName       null for a journey without a person record (started online): no name is printed
     */
    public Receipt receipt(String procedureTitle, List<String> stepTitles, boolean currentNeedsAgent, String resumeCode,
                           Instant startedAt, String channel, String siteId, String citizenName) {
        List<NextStep> steps = new ArrayList<>();
        for (int i = 0; i < stepTitles.size(); i++) {
            steps.add(new NextStep(stepTitles.get(i), i == 0 && currentNeedsAgent));
        }
        String where;
        FranceServicesSites.Site help;
        switch (channel == null ? "" : channel.toLowerCase(Locale.ROOT)) {
            case "desk" -> {
                help = FranceServicesSites.desk(siteId);
                where = "au guichet " + help.name();
            }
            case "phone" -> {
                help = FranceServicesSites.PHONE_PLATFORM;
                where = "par téléphone avec la plateforme Relais";
            }
            case "portal" -> {
                help = FranceServicesSites.PHONE_PLATFORM;
                where = "en ligne";
            }
            default -> {
                help = FranceServicesSites.PHONE_PLATFORM;
                where = "avec Relais";
            }
        }
        return new Receipt(procedureTitle, resumeCode, startedAt, where, citizenName, steps,
                new HelpLines(help.name(), help.hours(), phoneLine));
    }

    /**
     * From journey-service's answers: the start (when, channel, site) is the journey's first event; the steps still
     * to do are the procedure's steps from the current one on, less those already completed. The current step waits
     * for an agent when it needs the citizen present, an appointment, or cannot be done online.
     *
     * @throws IllegalArgumentException when the journey has no resume code or no start in its timeline
     */
    public Receipt receipt(ProcedureAnswers.Procedure procedure, JourneyAnswers.Detail journey, String citizenName) {
        JourneyAnswers.TimelineEntry start = start(journey);
        List<ProcedureAnswers.Step> remaining = remaining(procedure, journey);
        boolean needsAgent = !remaining.isEmpty() && needsAgent(remaining.get(0));
        if (journey.resumeCode() == null) {
            throw new IllegalArgumentException("the journey has no resume code for this reader");
        }
        return receipt(procedure.title(), remaining.stream().map(ProcedureAnswers.Step::title).toList(), needsAgent,
                journey.resumeCode(), start.at(), start.channel(), start.actorSite(), citizenName);
    }

    /**
     * From journey-service's receipt answer and the procedure version the journey pinned: the name is the person
     * record's (none for a journey started online without one), the steps still to do as for a journey's detail.
     *
     * @throws IllegalArgumentException when the answer carries no resume code or no start
     */
    public Receipt receipt(ProcedureAnswers.Procedure procedure, PersonAnswers.Receipt answer) {
        if (answer.resumeCode() == null || answer.startedAt() == null) {
            throw new IllegalArgumentException("the receipt answer has no resume code or no start");
        }
        List<ProcedureAnswers.Step> remaining = remaining(procedure, answer.currentStep(), answer.completedSteps());
        boolean needsAgent = !remaining.isEmpty() && needsAgent(remaining.get(0));
        return receipt(procedure.title(), remaining.stream().map(ProcedureAnswers.Step::title).toList(), needsAgent,
                answer.resumeCode(), answer.startedAt(), answer.startedChannel(), answer.startedSite(), nameOf(answer));
    }

    private static String nameOf(PersonAnswers.Receipt answer) {
        String name = ((answer.givenNames() == null ? "" : answer.givenNames()) + " "
                + (answer.familyName() == null ? "" : answer.familyName())).strip();
        return name.isEmpty() ? null : name;
    }

    private static JourneyAnswers.TimelineEntry start(JourneyAnswers.Detail journey) {
        List<JourneyAnswers.TimelineEntry> timeline = journey.timeline() == null ? List.of() : journey.timeline();
        return timeline.stream().filter(entry -> STARTED.equals(entry.what())).findFirst()
                .or(() -> timeline.stream().min(Comparator.comparingLong(JourneyAnswers.TimelineEntry::sequence)))
                .orElseThrow(() -> new IllegalArgumentException("the journey's timeline has no start"));
    }

    private static List<ProcedureAnswers.Step> remaining(ProcedureAnswers.Procedure procedure, JourneyAnswers.Detail journey) {
        return remaining(procedure, journey.currentStep(), journey.completedSteps());
    }

    private static List<ProcedureAnswers.Step> remaining(ProcedureAnswers.Procedure procedure, String currentStep,
                                                         List<String> completedSteps) {
        List<String> done = completedSteps == null ? List.of() : completedSteps;
        List<ProcedureAnswers.Step> steps = procedure.steps() == null ? List.of() : procedure.steps();
        int current = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(currentStep)) {
                current = i;
            }
        }
        if (current < 0) {
            return List.of(); // no current step: the journey is over
        }
        List<ProcedureAnswers.Step> remaining = new ArrayList<>();
        for (int i = current; i < steps.size(); i++) {
            if (i == current || !done.contains(steps.get(i).id())) {
                remaining.add(steps.get(i));
            }
        }
        return remaining;
    }

    private static boolean needsAgent(ProcedureAnswers.Step step) {
        return step.presenceRequired() || step.appointmentRequired() || !step.channels().contains("portal");
    }
}
