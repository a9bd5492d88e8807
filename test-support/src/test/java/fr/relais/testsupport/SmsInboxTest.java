package fr.relais.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.smssink.Gsm7;
import fr.relais.smssink.SmsSink;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the SMS sink started in-process on free ports, fed by a real SMPP client. */
class SmsInboxTest {

    private SmsSink sink;
    private SMPPSession client;

    @BeforeEach
    void start() throws Exception {
        sink = SmsSink.start(0, 0, "tsecret1");
        client = new SMPPSession();
        client.connectAndBind("127.0.0.1", sink.smppPort(), new BindParameter(BindType.BIND_TX, SmsSink.SYSTEM_ID,
                "tsecret1", "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
    }

    @AfterEach
    void stop() {
        client.unbindAndClose();
        sink.close();
    }

    @Test
    void readsTheMessagesOfOneNumber() throws Exception {
        String id = send("+33612345678", "Votre rendez-vous : 12/03 à 9h30");
        send("+33700000000", "Pour quelqu'un d'autre");

        for (String number : new String[] {"+33612345678", "33612345678"}) {
            assertThat(SmsInbox.of("http://127.0.0.1:" + sink.httpPort(), number).messages()).singleElement().satisfies(sms -> {
                assertThat(sms.id()).isEqualTo(id);
                assertThat(sms.from()).isEqualTo("Relais");
                assertThat(sms.to()).isEqualTo("+33612345678");
                assertThat(sms.text()).isEqualTo("Votre rendez-vous : 12/03 à 9h30");
                assertThat(sms.parts()).isEqualTo(1);
                assertThat(sms.dataCoding()).isZero();
                assertThat(sms.receivedAt()).isNotNull();
            });
        }
        assertThat(SmsInbox.of("http://127.0.0.1:" + sink.httpPort(), "+33611111111").messages()).isEmpty();
    }

    private String send(String to, String text) throws Exception {
        return client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Relais",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1, null,
                null, new RegisteredDelivery(0), (byte) 0, DataCodings.ZERO, (byte) 0, Gsm7.encode(text)).getMessageId();
    }
}
