package fr.relais.smssink;

import java.time.Instant;

/**
 * A message as the recipient's phone would show it: a concatenated message once all its parts arrived.
 *
 * @param id         the message id returned to the client (for a concatenated message, its first part's)
 * @param from       source_addr as submitted
 * @param to         destination_addr as submitted (for example {@code +33612345678})
 * @param parts      1, or the number of parts it was sent in
 * @param dataCoding data_coding of the (first) part: 0 GSM 03.38, 3 Latin-1, 8 UCS-2
 * @param receivedAt when the sink had the whole message
 */
public record ReceivedSms(String id, String from, String to, String text, int parts, int dataCoding, Instant receivedAt) {
}
