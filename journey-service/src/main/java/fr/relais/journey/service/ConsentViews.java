package fr.relais.journey.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** A citizen's consents as she sees them on the portal and in her data export. */
public final class ConsentViews {

    private ConsentViews() {
    }

    /**
     * One purpose: in force or not, since when and through which channel (portal, desk, phone; {@code record} for a
     * consent recorded before consents were dated).
     *
     * @param contactNeeded  email, phone, address or none: what the purpose cannot be served without
     * @param contactMissing she has not given that contact, so the consent cannot be given now
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Purpose(String purpose, boolean given, Instant givenAt, String givenVia, String contactNeeded,
                          boolean contactMissing) {
    }

    /** One record, in force (no withdrawal) or withdrawn. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String purpose, Instant givenAt, String givenVia, String givenByRole, Instant withdrawnAt,
                        String withdrawnVia, String withdrawnByRole) {
    }

    /** @param history every record, newest first */
    public record Mine(boolean hasPerson, List<Purpose> purposes, List<Entry> history) {
    }
}
