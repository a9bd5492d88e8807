package fr.relais.notification;

import fr.relais.smssink.SmsSink;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The devstack's SMS centre (module sms-sink, a real SMPP server), run in-process on its own ports for this suite so a
 * test can read what arrived and make the next submits fail.
 */
public class SmsCentre implements QuarkusTestResourceLifecycleManager {

    static final int SMPP_PORT = 12785;
    static final int HTTP_PORT = 12786;
    private static volatile SmsSink sink;

    public static SmsSink sink() {
        return sink;
    }

    @Override
    public Map<String, String> start() {
        sink = SmsSink.start(SMPP_PORT, HTTP_PORT, SmsSink.DEFAULT_PASSWORD);
        return Map.of("relais.smpp.port", Integer.toString(SMPP_PORT), "relais.smpp.password", SmsSink.DEFAULT_PASSWORD);
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.close();
        }
    }
}
