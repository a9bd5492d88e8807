package fr.relais.smssink;

import java.util.concurrent.CountDownLatch;

/**
 * The devstack's SMS sink (deploy/devstack/sms.sh): ports and password from the environment, the same variables as
 * ./relais, with the same defaults. Runs until SIGTERM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int smppPort = Integer.parseInt(env("RELAIS_SMPP_PORT", "12775"));
        int httpPort = Integer.parseInt(env("RELAIS_SMS_SINK_HTTP_PORT", "12776"));
        SmsSink sink = SmsSink.start(smppPort, httpPort, env("RELAIS_SMPP_PASSWORD", SmsSink.DEFAULT_PASSWORD));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.close();
            stopped.countDown();
        }, "sms-sink-shutdown"));
        System.out.printf("SMS sink ready: SMPP 127.0.0.1:%d (system_id %s), HTTP http://127.0.0.1:%d/messages%n",
                sink.smppPort(), SmsSink.SYSTEM_ID, sink.httpPort());
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
