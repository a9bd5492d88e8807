package fr.relais.smssink;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery receipts, as an SMSC sends them: a deliver_sm on a session of the same system_id bound to receive
 * (transceiver or receiver), shortly after the submit_sm_resp. With no such session bound, the receipt waits for one.
 */
final class DeliveryReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");
    /** message_state TLV value for DELIVERED (SMPP 3.4, 5.2.28). */
    private static final byte DELIVERED = 2;
    private static final long DELAY_MILLIS = 200;

    /** What a receipt says about one submitted message. */
    record Receipt(String systemId, String messageId, String from, TypeOfNumber fromTon, NumberingPlanIndicator fromNpi,
                   String to, TypeOfNumber toTon, NumberingPlanIndicator toNpi, String text, Instant submittedAt) {
    }

    private final ScheduledExecutorService scheduler;
    private final Map<SMPPServerSession, String> boundSystemIds = new ConcurrentHashMap<>();
    private final Map<String, Deque<Receipt>> waiting = new HashMap<>();

    DeliveryReceipts(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void bound(SMPPServerSession session, String systemId) {
        boundSystemIds.put(session, systemId);
        if (session.getSessionState().isReceivable()) {
            scheduler.execute(() -> flush(systemId));
        }
    }

    Optional<String> systemIdOf(SMPPServerSession session) {
        return Optional.ofNullable(boundSystemIds.get(session));
    }

    void closed(SMPPServerSession session) {
        boundSystemIds.remove(session);
    }

    /** Sends the receipt after a short delay (the submit_sm_resp goes first). */
    void schedule(Receipt receipt) {
        scheduler.schedule(() -> send(receipt), DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void send(Receipt receipt) {
        Optional<SMPPServerSession> receiver = receiverFor(receipt.systemId());
        if (receiver.isEmpty() || !deliver(receiver.get(), receipt)) {
            synchronized (waiting) {
                waiting.computeIfAbsent(receipt.systemId(), k -> new ArrayDeque<>()).add(receipt);
            }
        }
    }

    private void flush(String systemId) {
        Deque<Receipt> due;
        synchronized (waiting) {
            due = waiting.remove(systemId);
        }
        if (due != null) {
            due.forEach(this::send);
        }
    }

    private Optional<SMPPServerSession> receiverFor(String systemId) {
        return boundSystemIds.entrySet().stream()
                .filter(e -> e.getValue().equals(systemId) && e.getKey().getSessionState().isReceivable())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private boolean deliver(SMPPServerSession session, Receipt receipt) {
        try {
            // the receipt goes back the other way: from the recipient to the sender
            session.deliverShortMessage("", receipt.toTon(), receipt.toNpi(), receipt.to(), receipt.fromTon(),
                    receipt.fromNpi(), receipt.from(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, Gsm7.encode(body(receipt)),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), receipt.messageId()),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, DELIVERED));
            return true;
        } catch (Exception e) {
            LOG.warn("delivery receipt for message {} not delivered ({}); kept for the next receiver", receipt.messageId(),
                    e.toString());
            return false;
        }
    }

    /** The de-facto standard receipt text (SMPP 3.4 appendix B). */
    static String body(Receipt receipt) {
        ZoneId zone = ZoneId.systemDefault();
        String submitted = RECEIPT_DATE.format(receipt.submittedAt().atZone(zone));
        String done = RECEIPT_DATE.format(Instant.now().atZone(zone));
        return "id:" + receipt.messageId() + " sub:001 dlvrd:001 submit date:" + submitted + " done date:" + done
                + " stat:DELIVRD err:000 text:" + receiptText(receipt.text());
    }

    /** The first 20 characters, limited to those that read the same in ASCII and GSM 03.38 (clients parse it as ASCII). */
    private static String receiptText(String text) {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < Math.min(20, text.length()); i++) {
            char c = text.charAt(i);
            boolean same = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || " !\"#%&'()*+,-./:;<=>?".indexOf(c) >= 0;
            out.append(same ? c : '?');
        }
        return out.toString();
    }
}
