package fr.relais.journey.accesslog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes every chain from its entries (given in chain and position order, one pass, so a large log is streamed)
 * and checks the signed digests against it. Each finding names the entry or chain and what happened to it.
 */
public final class AccessLogVerifier {

    private final Map<String, VerifyingKey> trustedKeys = new HashMap<>();
    /** chain → (length signed → the digests that signed it), from the digests whose signature holds. */
    private final Map<UUID, Map<Long, List<Signed>>> signedHeads = new HashMap<>();
    private final Map<UUID, Long> headRows;
    private final List<String> findings = new ArrayList<>();
    private final Map<UUID, Long> lengths = new HashMap<>();

    private UUID chain;
    private long expected;
    private byte[] recomputed;
    private StoredEntry previous;
    private long entries;

    private record Signed(StoredDigest digest, byte[] head) {
    }

    /**
     * @param digests  every digest stored; only those signed by a trusted key count
     * @param headRows the length of each chain as its head row says (not trusted: it reveals a removed tail)
     */
    public AccessLogVerifier(List<VerifyingKey> trusted, List<StoredDigest> digests, Map<UUID, Long> headRows) {
        trusted.forEach(key -> trustedKeys.put(key.keyId(), key));
        this.headRows = headRows;
        digests.forEach(this::checkSignature);
    }

    private void checkSignature(StoredDigest digest) {
        VerifyingKey key = trustedKeys.get(digest.keyId());
        if (key == null) {
            findings.add(digest.name() + ": signed with key " + digest.keyId() + ", which is not a trusted key");
            return;
        }
        if (!key.verifies(digest.text().signedBytes(), digest.signature())) {
            findings.add(digest.name() + ": its signature does not match its header: the digest was altered");
            return;
        }
        DigestText fromHeads = DigestText.of(digest.text().day(), digest.text().madeAt(), digest.heads());
        if (!Arrays.equals(fromHeads.root(), digest.text().root())) {
            findings.add(digest.name() + ": its chain heads do not give its signed root: they were altered after signing");
            return;
        }
        for (ChainHead head : digest.heads()) {
            signedHeads.computeIfAbsent(head.chainId(), id -> new HashMap<>())
                    .computeIfAbsent(head.length(), n -> new ArrayList<>()).add(new Signed(digest, head.headHash()));
        }
    }

    /** The next entry, in chain then position order. */
    public void accept(StoredEntry entry) {
        LoggedAccess content = entry.content();
        if (!content.chainId().equals(chain)) {
            endChain();
            chain = content.chainId();
            expected = 1;
            recomputed = EntryHash.GENESIS;
            previous = null;
        }
        entries++;
        long position = content.sequence();
        if (previous != null && position == previous.content().sequence()) {
            findings.add(name(entry) + ": a second entry at this position (" + name(previous) + " is the other): copied or renumbered");
            return;
        }
        if (position > expected) {
            findings.add("chain " + chain + ": " + positions(expected, position - 1) + " missing: deleted");
        }
        if (previous != null && !Arrays.equals(entry.previousHash(), previous.entryHash())) {
            findings.add(name(entry) + ": does not follow " + name(previous)
                    + ": an entry before it was edited, deleted or moved, or this one was");
        } else if (previous == null && position == 1 && !Arrays.equals(entry.previousHash(), EntryHash.GENESIS)) {
            findings.add(name(entry) + ": the first entry of its chain does not start from the genesis hash: entries before it were removed");
        }
        if (!Arrays.equals(EntryHash.of(entry.previousHash(), content), entry.entryHash())) {
            findings.add(name(entry) + ": edited: what it says no longer matches its hash");
        }
        recomputed = EntryHash.of(recomputed, content);
        checkSigned(position);
        expected = position + 1;
        previous = entry;
    }

    /** Everything read: the findings, empty when the log is intact. */
    public List<String> finish() {
        endChain();
        signedHeads.forEach((chainId, byLength) -> byLength.forEach((length, signed) -> {
            if (lengths.getOrDefault(chainId, 0L) < length) {
                signed.forEach(s -> findings.add("chain " + chainId + ": " + s.digest().name() + " signed " + length
                        + " entries, the log has " + lengths.getOrDefault(chainId, 0L) + ": entries deleted"));
            }
        }));
        headRows.forEach((chainId, length) -> {
            if (lengths.getOrDefault(chainId, 0L) < length) {
                findings.add("chain " + chainId + ": its head row counts " + length + " entries, the log ends at #"
                        + lengths.getOrDefault(chainId, 0L) + ": the last entries were deleted");
            }
        });
        return List.copyOf(findings);
    }

    public long entries() {
        return entries;
    }

    public long chains() {
        return lengths.size();
    }

    private void checkSigned(long position) {
        Map<Long, List<Signed>> byLength = signedHeads.get(chain);
        if (byLength == null || !byLength.containsKey(position)) {
            return;
        }
        for (Signed signed : byLength.get(position)) {
            if (!Arrays.equals(signed.head(), recomputed)) {
                findings.add("chain " + chain + ": differs from " + signed.digest().name() + " at or before #" + position
                        + ": entries were rewritten after it was signed");
            }
        }
    }

    private void endChain() {
        if (chain != null) {
            lengths.put(chain, previous == null ? 0 : previous.content().sequence());
        }
    }

    private String name(StoredEntry entry) {
        LoggedAccess c = entry.content();
        return "entry " + entry.id() + " (chain " + c.chainId() + " #" + c.sequence() + ", " + c.action() + " at " + c.at() + ")";
    }

    private static String positions(long from, long to) {
        return from == to ? "#" + from + " is" : "#" + from + " to #" + to + " are";
    }
}
