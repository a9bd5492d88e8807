package fr.relais.journey.accesslog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier's rules on chains built here; the same rules against PostgreSQL rows: AccessLogChainTest. */
class AccessLogVerifierTest {

    private static final SigningKey KEY = SigningKey.fromBase64Seed("ZGV2LW9ubHktYWNjZXNzLWxvZy1zaWduaW5nLWtleSE=");
    private static final UUID CHAIN = UUID.fromString("7d3c1f8e-2b4a-4c6d-9e0f-1a2b3c4d5e6f");
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456Z");

    /** Five reads of one person's data by the desk, chained as the service chains them. */
    private static List<StoredEntry> chain(int length) {
        List<StoredEntry> entries = new ArrayList<>();
        byte[] previous = EntryHash.GENESIS;
        for (int i = 1; i <= length; i++) {
            LoggedAccess access = access(i, "verified-at-desk");
            byte[] hash = EntryHash.of(previous, access);
            entries.add(new StoredEntry(100 + i, access, previous, hash));
            previous = hash;
        }
        return entries;
    }

    private static LoggedAccess access(long position, String reason) {
        return new LoggedAccess(CHAIN, position, T0.plusSeconds(60 * position), null, CHAIN, "00000000-0000-4000-8000-000000000005",
                "counter-agent", "fs-gueret", "desk", "search", reason);
    }

    private static StoredDigest digestOf(List<StoredEntry> entries, long id) {
        StoredEntry last = entries.get(entries.size() - 1);
        List<ChainHead> heads = List.of(new ChainHead(CHAIN, last.content().sequence(), last.entryHash()));
        DigestText text = DigestText.of(null, T0.plusSeconds(3600), heads);
        return new StoredDigest(id, text, KEY.keyId(), KEY.sign(text.signedBytes()), heads);
    }

    private static List<String> verify(List<StoredEntry> entries, List<StoredDigest> digests, long headLength) {
        AccessLogVerifier verifier = new AccessLogVerifier(List.of(KEY.verifyingKey()), digests, Map.of(CHAIN, headLength));
        entries.forEach(verifier::accept);
        return verifier.finish();
    }

    @Test
    void anIntactChainWithItsSignedDigestHasNoFinding() {
        List<StoredEntry> entries = chain(5);
        assertThat(verify(entries, List.of(digestOf(entries, 1)), 5)).isEmpty();
    }

    @Test
    void anEditedEntryIsNamed() {
        List<StoredEntry> entries = new ArrayList<>(chain(5));
        StoredEntry third = entries.get(2);
        entries.set(2, new StoredEntry(third.id(), access(3, "mandate"), third.previousHash(), third.entryHash()));
        assertThat(verify(entries, List.of(), 5)).singleElement().asString().startsWith("entry 103 ").contains("edited");
    }

    @Test
    void aDeletedEntryIsNamedByItsPositionAndItsSuccessorNoLongerFollows() {
        List<StoredEntry> entries = new ArrayList<>(chain(5));
        entries.remove(2);
        assertThat(verify(entries, List.of(), 5)).anySatisfy(f -> assertThat(f).contains("#3 is missing"))
                .anySatisfy(f -> assertThat(f).startsWith("entry 104 ").contains("does not follow entry 102"));
    }

    @Test
    void swappedEntriesAreNamed() {
        List<StoredEntry> entries = new ArrayList<>(chain(5));
        StoredEntry second = entries.get(1);
        StoredEntry third = entries.get(2);
        // the rows keep their hashes but trade positions (what an UPDATE of chain_seq or of "at" does)
        entries.set(1, new StoredEntry(third.id(), withPosition(third.content(), 2), third.previousHash(), third.entryHash()));
        entries.set(2, new StoredEntry(second.id(), withPosition(second.content(), 3), second.previousHash(), second.entryHash()));
        List<String> findings = verify(entries, List.of(), 5);
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("entry 103 ").contains("edited"))
                .anySatisfy(f -> assertThat(f).startsWith("entry 102 ").contains("edited"));
    }

    @Test
    void aRemovedTailIsFoundByTheSignedDigestAndTheHeadRow() {
        List<StoredEntry> entries = chain(5);
        StoredDigest digest = digestOf(entries, 7);
        List<String> findings = verify(entries.subList(0, 4), List.of(digest), 5);
        assertThat(findings).anySatisfy(f -> assertThat(f).contains("digest 7").contains("signed 5 entries, the log has 4"))
                .anySatisfy(f -> assertThat(f).contains("head row counts 5 entries"));
    }

    @Test
    void aChainRewrittenWithFreshHashesDiffersFromTheSignedDigest() {
        List<StoredEntry> signed = chain(5);
        StoredDigest digest = digestOf(signed, 8);
        // whoever edits the third entry and recomputes every hash after it leaves no broken link...
        List<StoredEntry> rewritten = new ArrayList<>();
        byte[] previous = EntryHash.GENESIS;
        for (StoredEntry e : signed) {
            LoggedAccess access = e.content().sequence() == 3 ? access(3, "mandate") : e.content();
            byte[] hash = EntryHash.of(previous, access);
            rewritten.add(new StoredEntry(e.id(), access, previous, hash));
            previous = hash;
        }
        // ...but not the head the digest signed
        assertThat(verify(rewritten, List.of(digest), 5)).singleElement().asString()
                .contains("differs from digest 8").contains("#5");
    }

    @Test
    void anAlteredDigestOrOneSignedByAnotherKeyIsNamed() {
        List<StoredEntry> entries = chain(5);
        StoredDigest good = digestOf(entries, 9);
        List<ChainHead> otherHeads = List.of(new ChainHead(CHAIN, 4, entries.get(3).entryHash()));
        StoredDigest headsChanged = new StoredDigest(10, good.text(), good.keyId(), good.signature(), otherHeads);
        byte[] forged = Arrays.copyOf(good.signature(), 64);
        forged[0] ^= 1;
        StoredDigest badSignature = new StoredDigest(11, good.text(), good.keyId(), forged, good.heads());
        StoredDigest otherKey = new StoredDigest(12, good.text(), "0123456789abcdef", good.signature(), good.heads());
        assertThat(verify(entries, List.of(good, headsChanged, badSignature, otherKey), 5)).containsExactlyInAnyOrder(
                "digest 10 (made 2026-12-01T10:00:00.123456Z): its chain heads do not give its signed root: they were altered after signing",
                "digest 11 (made 2026-12-01T10:00:00.123456Z): its signature does not match its header: the digest was altered",
                "digest 12 (made 2026-12-01T10:00:00.123456Z): signed with key 0123456789abcdef, which is not a trusted key");
    }

    private static LoggedAccess withPosition(LoggedAccess a, long position) {
        return new LoggedAccess(a.chainId(), position, a.at(), a.journeyId(), a.personId(), a.actorSubject(), a.actorRole(),
                a.actorSite(), a.channel(), a.action(), a.reason());
    }
}
