package fr.relais.gateway.api;

import fr.relais.gateway.downstream.PersonAnswers;

import java.util.UUID;

/** Request bodies of the phone API that only the phone agent sends (unknown fields are refused, as in {@link Requests}). */
public final class PhoneRequests {

    private PhoneRequests() {
    }

    /**
     * A journey started on the phone for a caller: exactly one of {@code personId} (a person found by search) and
     * {@code person} (a new person, recorded first with her identity "declared"). The phone API's own body (its schema
     * is named in the published document); started as {@link PersonJourneys.Start}, the desk's.
     */
    public record StartJourney(String procedureId, UUID personId, PersonAnswers.Draft person) {
    }
}
