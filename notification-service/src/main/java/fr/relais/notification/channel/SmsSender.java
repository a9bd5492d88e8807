package fr.relais.notification.channel;

import fr.relais.notification.domain.SmsParts;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsmpp.bean.*;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMS as an SMPP 3.4 client of the SMS centre: one transceiver session (submits go out, delivery receipts come back on
 * it), opened when first needed and again after it broke. Blocking, called from the dispatcher's worker thread.
 */
@ApplicationScoped
public class SmsSender {

    /** Statuses worth a later try: throttled, queue full, system error, temporary application error. */
    static final Set<Integer> TEMPORARY_STATUSES = Set.of(0x58, 0x14, 0x08, 0x64);
    private static final long BIND_TIMEOUT_MS = 5_000;

    @ConfigProperty(name = "relais.smpp.host")
    String host;
    @ConfigProperty(name = "relais.smpp.port")
    int port;
    @ConfigProperty(name = "relais.smpp.system-id")
    String systemId;
    @ConfigProperty(name = "relais.smpp.password")
    String password;
    @ConfigProperty(name = "relais.smpp.source")
    String source;

    @Inject
    DeliveryReceipts receipts;

    private final AtomicInteger references = new AtomicInteger();
    private SMPPSession session;

    /** @param to an international number, +33… */
    public synchronized SendResult send(String to, String text) {
        SmsParts parts = SmsParts.of(text, references.incrementAndGet() & 0xFF);
        String firstId = null;
        try {
            SMPPSession bound = session();
            for (byte[] part : parts.parts()) {
                ESMClass esm = parts.concatenated() ? new ESMClass(0x40) : new ESMClass();
                String id = bound.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, source,
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.startsWith("+") ? to.substring(1) : to,
                        esm, (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0, DataCodings.newInstance(parts.dataCoding()), (byte) 0, part).getMessageId();
                firstId = firstId == null ? id : firstId;
            }
            return new SendResult.Accepted(firstId);
        } catch (NegativeResponseException e) {
            String reason = "smpp-status-" + Integer.toHexString(e.getCommandStatus());
            return TEMPORARY_STATUSES.contains(e.getCommandStatus()) ? new SendResult.Temporary(reason) : new SendResult.Permanent(reason);
        } catch (Exception e) {
            // the session is in doubt: a new one next time
            close();
            return new SendResult.Temporary("smpp-" + e.getClass().getSimpleName());
        }
    }

    private SMPPSession session() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession fresh = new SMPPSession();
        fresh.setMessageReceiverListener(receipts);
        fresh.setTransactionTimer(10_000);
        fresh.setEnquireLinkTimer(30_000);
        fresh.connectAndBind(host, port, new BindParameter(BindType.BIND_TRX, systemId, password, "relais",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), BIND_TIMEOUT_MS);
        Log.infof("SMPP session bound to %s:%d", host, port);
        session = fresh;
        return fresh;
    }

    @PreDestroy
    synchronized void close() {
        if (session != null) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException e) {
                Log.debugf("closing the SMPP session: %s", e.toString());
            }
            session = null;
        }
    }
}
