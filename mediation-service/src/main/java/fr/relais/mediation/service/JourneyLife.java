package fr.relais.mediation.service;

import fr.relais.mediation.persistence.JourneyContextEntity;

/** Writes a milestone of a journey's life onto its context row (experience: path, duration, outcome, survey access). */
final class JourneyLife {

    private JourneyLife() {
    }

    static void record(JourneyContextEntity context, Milestone milestone) {
        switch (milestone.kind()) {
            case STARTED -> {
                context.startedAt = milestone.at();
                context.startChannel = milestone.detail();
                if (context.ownerSubject == null) {
                    context.ownerSubject = milestone.subject();
                }
            }
            case ENDED -> {
                context.endedAt = milestone.at();
                context.outcome = milestone.detail();
                context.claimedBy = null;
            }
            case CLAIMED -> context.claimedBy = milestone.subject();
            case RELEASED, HANDED_OFF -> context.claimedBy = null;
            case ESCALATED -> context.escalated = true;
            case ATTACHED -> context.ownerSubject = milestone.subject();
        }
    }
}
