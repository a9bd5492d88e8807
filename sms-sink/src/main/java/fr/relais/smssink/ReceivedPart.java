package fr.relais.smssink;

import java.time.Instant;

/** One submit_sm of a concatenated message, kept as it came (its own message id, its place among the parts). */
public record ReceivedPart(String id, String from, String to, int reference, int sequence, int total, String text,
                           int dataCoding, Instant receivedAt) {
}
