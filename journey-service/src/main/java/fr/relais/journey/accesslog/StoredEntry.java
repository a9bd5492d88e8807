package fr.relais.journey.accesslog;

/** An access-log row as the verifier reads it: its id, what it says, and the two hashes stored with it. */
public record StoredEntry(long id, LoggedAccess content, byte[] previousHash, byte[] entryHash) {
}
