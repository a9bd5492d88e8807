package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.events.journey.GrantAidantMandate;
import fr.relais.events.journey.MandateDuration;
import fr.relais.journey.domain.JourneyDecider;
import fr.relais.journey.domain.JourneyState;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A relative or an aidant acting for a citizen (Aidants Connect-like): the citizen names him online, or at the desk
 * through the agent holding her journey, by his exact names and birth date; he must have an account. He then gets a
 * scoped (this journey), expiring, revocable mandate, and works on her steps online; the timeline and her access log
 * say "by the aidant, for her".
 */
@ApplicationScoped
public class Aidants {

    /** Who to name and for how long. */
    public record Naming(String givenNames, String familyName, String birthDate, MandateDuration duration) {
    }

    /** The mandate given, with the aidant's name for the citizen's screen. */
    public record Named(UUID mandateId, Instant expiresAt, String aidantName) {
    }

    @Inject
    DirectCommands commands;

    @Inject
    JourneyRecorder recorder;

    @Inject
    Clock clock;

    public Uni<Named> name(UUID journeyId, Naming naming, Actor caller) {
        // who may name an aidant is checked before the names are: a stranger learns nothing, not even a field error
        return Panache.withSession(() -> JourneyEntity.<JourneyEntity>findById(journeyId)).flatMap(journey -> {
            JourneyState state = journey == null ? null : recorder.stateOf(journey);
            boolean owner = state != null && caller.roles().contains("citizen") && caller.subject().equals(state.citizenSubject());
            boolean holdingAgent = state != null && caller.roles().contains("counter-agent") && state.isClaimedBy(caller.subject());
            if (!owner && !holdingAgent) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId + " of yours"));
            }
            return named(journeyId, naming, caller);
        });
    }

    private Uni<Named> named(UUID journeyId, Naming naming, Actor caller) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(fr.relais.journey.domain.CallbackSchedule.PARIS).toLocalDate();
        if (naming == null || PersonDrafts.blank(naming.givenNames()) || PersonDrafts.blank(naming.familyName())) {
            return Uni.createFrom().failure(ProblemException.invalidField("familyName", "the aidant's names are required"));
        }
        LocalDate birthDate = PersonDrafts.birthDate(naming.birthDate(), today).orElse(null);
        if (birthDate == null) {
            return Uni.createFrom().failure(ProblemException.invalidField("birthDate", "the aidant's birth date, e.g. 12/03/1984"));
        }
        MandateDuration duration = naming.duration() == null ? MandateDuration.ONE_MONTH : naming.duration();
        UUID commandId = UUID.randomUUID();
        return Panache.withSession(() -> PersonEntity.<PersonEntity>find("identityIndex",
                        PersonEntity.indexOf(PersonNames.key(naming.familyName(), naming.givenNames()), birthDate)).firstResult())
                .flatMap(aidant -> {
                    if (aidant == null || aidant.accountSubject == null) {
                        return Uni.createFrom().failure(new ProblemException(404, "aidant-not-found", "No such aidant",
                                "no person with a Relais account matches these names and birth date: the aidant must sign in once and attach a journey, or be recorded at a desk"));
                    }
                    return commands.run(new GrantAidantMandate(commandId, journeyId, caller, now, aidant.accountSubject,
                                    aidant.id, duration))
                            .map(outcome -> new Named(JourneyDecider.mandateIdFor(commandId), duration.expiresAt(now),
                                    aidant.givenNames + " " + aidant.familyName));
                });
    }

    /** The journeys the caller follows as an aidant, under a mandate still running. */
    public Uni<List<JourneyViews.Summary>> followed(Actor aidant) {
        Instant now = clock.instant();
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT * FROM journey WHERE jsonb_path_exists(state, "
                                + "'$.mandates[*] ? (@.aidantSubject == $subject)', jsonb_build_object('subject', :subject))"
                                + " ORDER BY updated_at DESC", JourneyEntity.class)
                        .setParameter("subject", aidant.subject())
                        .getResultList()))
                .map(rows -> rows.stream().filter(j -> {
                    JourneyState state = recorder.stateOf(j);
                    return state.validAidantMandateFor(aidant.subject(), now).isPresent();
                }).map(j -> new JourneyViews.Summary(j.id, j.procedureId, j.procedureVersion, j.status, j.currentStep,
                        j.updatedAt, null)).toList());
    }
}
