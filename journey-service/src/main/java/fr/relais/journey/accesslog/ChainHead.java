package fr.relais.journey.accesslog;

import java.util.UUID;

/** How long a chain was, and the hash of its last entry, when a digest was made. */
public record ChainHead(UUID chainId, long length, byte[] headHash) {
}
