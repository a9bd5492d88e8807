package fr.relais.gateway.live;

import jakarta.enterprise.context.RequestScoped;

/**
 * The stream slot {@link WatchAuthorization} took for this request, handed to {@link Watching}: the slot is taken in
 * the filter because its refusal (429, or 503 when the database does not answer) must be a status, before the stream's
 * headers are sent.
 */
@RequestScoped
public class HeldSlot {

    private OpenStreams.Slot slot;

    public void hold(OpenStreams.Slot slot) {
        this.slot = slot;
    }

    /** The slot, now the caller's to close; null if none was taken. */
    public OpenStreams.Slot take() {
        OpenStreams.Slot taken = slot;
        slot = null;
        return taken;
    }
}
