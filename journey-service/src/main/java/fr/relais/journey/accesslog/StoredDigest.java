package fr.relais.journey.accesslog;

import java.util.List;

/** A digest as stored: its signed text, the key it names, its signature, and the chain heads it covers. */
public record StoredDigest(long id, DigestText text, String keyId, byte[] signature, List<ChainHead> heads) {

    public String name() {
        return "digest " + id + (text.day() == null ? " (made " + text.madeAt() + ")" : " of " + text.day());
    }
}
