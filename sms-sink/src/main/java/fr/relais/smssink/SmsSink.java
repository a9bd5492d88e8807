package fr.relais.smssink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SessionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small real SMSC: SMPP 3.4 on 127.0.0.1 that accepts binds of {@value #SYSTEM_ID} with the given password, keeps
 * what is submitted, sends delivery receipts when asked, fails on demand, and shows the messages over HTTP.
 * The devstack runs it through {@link Main}; other modules' tests start it in-process with {@link #start}.
 */
public final class SmsSink implements AutoCloseable {

    /** The only system_id allowed to bind. */
    public static final String SYSTEM_ID = "relais";
    /** The devstack's password (RELAIS_SMPP_PASSWORD overrides it); SMPP 3.4 allows 8 characters at most. */
    public static final String DEFAULT_PASSWORD = "relaisdv";
    /** Sent back in bind_resp as the SMSC's own system_id. */
    static final String SMSC_ID = "relais-sms-sink";

    private static final Logger LOG = LoggerFactory.getLogger(SmsSink.class);
    private static final long BIND_TIMEOUT_MILLIS = 10_000;

    private final String password;
    private final SmsStore store = new SmsStore(Clock.systemUTC());
    private final Faults faults = new Faults();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("sms-sink-receipts"));
    private final ExecutorService binds = Executors.newCachedThreadPool(daemon("sms-sink-bind"));
    private final DeliveryReceipts receipts = new DeliveryReceipts(scheduler);
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final SMPPServerSessionListener listener;
    private final LoopbackServerConnectionFactory connections = new LoopbackServerConnectionFactory();
    private final HttpApi http;
    private volatile boolean closing;

    private SmsSink(int smppPort, int httpPort, String password) throws IOException {
        this.password = password;
        SubmitHandler handler = new SubmitHandler(store, faults, receipts, Clock.systemUTC());
        this.listener = new SMPPServerSessionListener(smppPort, connections);
        listener.setMessageReceiverListener(handler);
        listener.setResponseDeliveryListener(handler);
        listener.setSessionStateListener(this::stateChanged);
        HttpApi api;
        try {
            api = new HttpApi(httpPort, this);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        this.http = api;
        Thread acceptor = daemon("sms-sink-smpp").newThread(this::acceptLoop);
        acceptor.start();
    }

    /**
     * Starts the sink on 127.0.0.1; a port of 0 takes a free one ({@link #smppPort()}, {@link #httpPort()} tell which).
     *
     * @param password the password a bind of {@value #SYSTEM_ID} must give
     */
    public static SmsSink start(int smppPort, int httpPort, String password) {
        // a bind carries the password as a C-octet string of 9 octets at most (SMPP 3.4, 4.1.1): clients cannot send more
        if (password == null || password.isEmpty() || password.length() > 8) {
            throw new IllegalArgumentException("the SMPP password must have 1 to 8 characters");
        }
        try {
            return new SmsSink(smppPort, httpPort, password);
        } catch (IOException e) {
            throw new UncheckedIOException("the SMS sink could not listen on 127.0.0.1:" + smppPort + " / " + httpPort, e);
        }
    }

    public int smppPort() {
        return connections.boundPort();
    }

    public int httpPort() {
        return http.port();
    }

    /** The messages received, whole (a concatenated one once all its parts arrived), in arrival order. */
    public List<ReceivedSms> messages() {
        return store.messages();
    }

    /** The messages received for one number, written with or without its '+'. */
    public List<ReceivedSms> messagesTo(String number) {
        return messages().stream().filter(sms -> sameNumber(sms.to(), number)).toList();
    }

    /** Every submit that was one part of a concatenated message. */
    public List<ReceivedPart> parts() {
        return store.parts();
    }

    public void clear() {
        store.clear();
    }

    /** The next {@code count} submits fail: ESME_RTHROTTLED (temporary) or ESME_RINVDSTADR (permanent); NONE clears. */
    public void failNext(FaultMode mode, int count) {
        faults.failNext(mode, count);
    }

    /** The next {@code count} submits to {@code number} fail, whatever else is sent meanwhile; NONE clears. */
    public void failNextTo(String number, FaultMode mode, int count) {
        faults.failNextTo(number, mode, count);
    }

    @Override
    public void close() {
        closing = true;
        http.stop();
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the SMPP listener", e);
        }
        sessions.forEach(SMPPServerSession::unbindAndClose);
        binds.shutdownNow();
        scheduler.shutdownNow();
    }

    static boolean sameNumber(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    /** '+' and spaces dropped ('+' in a query string reads as a space). */
    static String normalized(String number) {
        return number == null ? "" : number.replace("+", "").replace(" ", "");
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                SMPPServerSession session = listener.accept();
                binds.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("accepting an SMPP connection failed: {}", e.toString());
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT_MILLIS);
            if (SYSTEM_ID.equals(request.getSystemId()) && password.equals(request.getPassword())) {
                sessions.add(session);
                request.accept(SMSC_ID, InterfaceVersion.IF_34);
                receipts.bound(session, request.getSystemId());
                LOG.info("bind {} of {} accepted", request.getBindType(), request.getSystemId());
            } else {
                LOG.info("bind {} refused: wrong system_id or password", request.getBindType());
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (TimeoutException e) {
            LOG.info("no bind within {} ms; closing the connection", BIND_TIMEOUT_MILLIS);
            session.close();
        } catch (Exception e) {
            LOG.warn("bind failed: {}", e.toString());
            session.close();
        }
    }

    private void stateChanged(SessionState newState, SessionState oldState, org.jsmpp.session.Session source) {
        if (newState == SessionState.CLOSED && source instanceof SMPPServerSession session) {
            sessions.remove(session);
            receipts.closed(session);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
