package fr.relais.smssink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real jsmpp client against the sink started in-process on free ports. */
class SmsSinkTest {

    private static final String PASSWORD = "tsecret1";
    private static final String NUMBER = "+33612345678";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<SMPPSession> clients = new CopyOnWriteArrayList<>();
    private SmsSink sink;

    @BeforeEach
    void start() {
        sink = SmsSink.start(0, 0, PASSWORD);
    }

    @AfterEach
    void stop() {
        clients.forEach(SMPPSession::unbindAndClose);
        sink.close();
    }

    @Test
    void keepsAPlainGsm7Message() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);

        String id = submit(client, Gsm7.encode("Votre rendez-vous : 12/03 à 9h30, 5 € [guichet 2]"), 0x00, false, false);

        assertThat(sink.messages()).singleElement().satisfies(sms -> {
            assertThat(sms.id()).isEqualTo(id);
            assertThat(sms.from()).isEqualTo("Relais");
            assertThat(sms.to()).isEqualTo(NUMBER);
            assertThat(sms.text()).isEqualTo("Votre rendez-vous : 12/03 à 9h30, 5 € [guichet 2]");
            assertThat(sms.parts()).isEqualTo(1);
            assertThat(sms.dataCoding()).isZero();
        });
    }

    @Test
    void keepsAUcs2Message() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);
        String text = "Ŝaluton, votre démarche avance ✓";

        submit(client, text.getBytes(StandardCharsets.UTF_16BE), 0x08, false, false);

        assertThat(sink.messages()).singleElement().satisfies(sms -> {
            assertThat(sms.text()).isEqualTo(text);
            assertThat(sms.dataCoding()).isEqualTo(8);
        });
    }

    @Test
    void putsATwoPartGsm7MessageBackTogether() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);
        String first = "a".repeat(153);
        String second = "Fin du message €";

        String firstId = submit(client, withHeader(new byte[] {5, 0x00, 3, 0x2A, 2, 1}, Gsm7.encode(first)), 0x00, true, false);
        assertThat(sink.messages()).as("nothing whole before the last part").isEmpty();
        submit(client, withHeader(new byte[] {5, 0x00, 3, 0x2A, 2, 2}, Gsm7.encode(second)), 0x00, true, false);

        assertThat(sink.parts()).extracting(ReceivedPart::sequence).containsExactly(1, 2);
        assertThat(sink.messages()).singleElement().satisfies(sms -> {
            assertThat(sms.id()).isEqualTo(firstId);
            assertThat(sms.text()).isEqualTo(first + second);
            assertThat(sms.parts()).isEqualTo(2);
        });
    }

    @Test
    void readsA16BitReferenceAndPartsOutOfOrder() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);

        submit(client, withHeader(new byte[] {6, 0x08, 4, 0x01, 0x02, 2, 2}, "monde".getBytes(StandardCharsets.UTF_16BE)),
                0x08, true, false);
        submit(client, withHeader(new byte[] {6, 0x08, 4, 0x01, 0x02, 2, 1}, "bonjour ".getBytes(StandardCharsets.UTF_16BE)),
                0x08, true, false);

        assertThat(sink.messages()).singleElement().extracting(ReceivedSms::text).isEqualTo("bonjour monde");
    }

    @Test
    void readsTheMessagePayloadTlv() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);
        String text = "Un long texte dans message_payload, ".repeat(6);

        client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Relais",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, NUMBER, new ESMClass(), (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, DataCodings.ZERO, (byte) 0,
                new byte[0], new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), Gsm7.encode(text)));

        assertThat(sink.messages()).singleElement().extracting(ReceivedSms::text).isEqualTo(text);
    }

    @Test
    void sendsADeliveryReceiptToTheTransceiver() throws Exception {
        List<DeliverSm> delivered = new CopyOnWriteArrayList<>();
        SMPPSession client = bind(BindType.BIND_TRX, PASSWORD, delivered);

        String id = submit(client, Gsm7.encode("Votre code : 4821"), 0x00, false, true);

        await().atMost(Duration.ofSeconds(5)).until(() -> !delivered.isEmpty());
        DeliverSm receipt = delivered.get(0);
        assertThat(receipt.isSmscDeliveryReceipt()).isTrue();
        assertThat(receipt.getSourceAddr()).isEqualTo(NUMBER);
        assertThat(receipt.getDestAddress()).isEqualTo("Relais");
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getFinalStatus().name()).isEqualTo("DELIVRD");
        assertThat(new String(receipt.getShortMessage(), StandardCharsets.US_ASCII))
                .matches("id:" + id + " sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10} stat:DELIVRD err:000 text:Votre code : 4821");
        OptionalParameter.COctetString receipted = (OptionalParameter.COctetString)
                receipt.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        assertThat(receipted.getValueAsString()).isEqualTo(id);
    }

    @Test
    void keepsTheReceiptUntilAReceiverBinds() throws Exception {
        SMPPSession transmitter = bind(BindType.BIND_TX, PASSWORD, null);
        String id = submit(transmitter, Gsm7.encode("Rappel"), 0x00, false, true);

        List<DeliverSm> delivered = new CopyOnWriteArrayList<>();
        bind(BindType.BIND_RX, PASSWORD, delivered);

        await().atMost(Duration.ofSeconds(5)).until(() -> !delivered.isEmpty());
        assertThat(delivered.get(0).getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
    }

    @Test
    void sendsNoReceiptWhenNoneWasAsked() throws Exception {
        List<DeliverSm> delivered = new CopyOnWriteArrayList<>();
        SMPPSession client = bind(BindType.BIND_TRX, PASSWORD, delivered);

        submit(client, Gsm7.encode("Sans accusé"), 0x00, false, false);
        String asked = submit(client, Gsm7.encode("Avec accusé"), 0x00, false, true);

        await().atMost(Duration.ofSeconds(5)).until(() -> !delivered.isEmpty());
        assertThat(delivered).singleElement().satisfies(d -> assertThat(d.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(asked));
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> bind(BindType.BIND_TRX, "wrong", null))
                .isInstanceOf(IOException.class)
                .cause().isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVPASWD));
    }

    @Test
    void refusesAnotherSystemId() {
        SMPPSession client = new SMPPSession();
        assertThatThrownBy(() -> client.connectAndBind("127.0.0.1", sink.smppPort(), new BindParameter(BindType.BIND_TX,
                "someone", PASSWORD, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null)))
                .cause().isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVPASWD));
    }

    @Test
    void failsTheNextSubmitsAsAsked() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);
        sink.failNext(FaultMode.TEMPORARY, 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> submit(client, Gsm7.encode("essai"), 0x00, false, false))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));
        }
        submit(client, Gsm7.encode("essai"), 0x00, false, false);

        sink.failNext(FaultMode.PERMANENT, 1);
        assertThatThrownBy(() -> submit(client, Gsm7.encode("essai"), 0x00, false, false))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVDSTADR));
        assertThat(sink.messages()).hasSize(1);
    }

    @Test
    void aFaultForOneNumberIsNotTakenByAnotherNumbersMessage() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);
        sink.failNextTo("+33 6 99 99 99 99", FaultMode.TEMPORARY, 1);

        submit(client, Gsm7.encode("essai"), 0x00, false, false); // to NUMBER: not the faulty one
        sink.failNextTo(NUMBER, FaultMode.TEMPORARY, 1);
        assertThatThrownBy(() -> submit(client, Gsm7.encode("essai"), 0x00, false, false))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));
        submit(client, Gsm7.encode("essai"), 0x00, false, false);
        assertThat(sink.messages()).hasSize(2);
    }

    @Test
    void refusesADataCodingItCannotRead() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);

        assertThatThrownBy(() -> submit(client, new byte[] {1, 2, 3}, 0x04, false, false))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVDCS));
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void showsTheMessagesOverHttp() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);
        String id = submit(client, Gsm7.encode("Bonjour"), 0x00, false, false);
        client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Relais",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "+33700000000", new ESMClass(), (byte) 0,
                (byte) 1, null, null, new RegisteredDelivery(0), (byte) 0, DataCodings.ZERO, (byte) 0, Gsm7.encode("Autre"));

        for (String to : List.of("%2B33612345678", "33612345678", "+33612345678")) {
            JsonNode found = json.readTree(get("/messages?to=" + to).body());
            assertThat(found).as(to).hasSize(1);
            assertThat(found.get(0).get("id").asText()).isEqualTo(id);
            assertThat(found.get(0).get("text").asText()).isEqualTo("Bonjour");
            assertThat(found.get(0).get("to").asText()).isEqualTo(NUMBER);
            assertThat(found.get(0).get("parts").asInt()).isEqualTo(1);
            assertThat(found.get(0).get("dataCoding").asInt()).isZero();
            assertThat(found.get(0).get("receivedAt").asText()).endsWith("Z");
        }
        assertThat(json.readTree(get("/messages").body())).hasSize(2);
        assertThat(json.readTree(get("/health").body()).get("status").asText()).isEqualTo("UP");
        assertThat(get("/messages/" + id).statusCode()).isEqualTo(404);

        HttpResponse<String> cleared = send(HttpRequest.newBuilder(url("/messages")).DELETE().build());
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(json.readTree(get("/messages").body())).isEmpty();
    }

    @Test
    void takesFaultsOverHttp() throws Exception {
        SMPPSession client = bind(BindType.BIND_TX, PASSWORD, null);

        HttpResponse<String> asked = send(post("/faults?mode=permanent&count=1"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> submit(client, Gsm7.encode("essai"), 0x00, false, false))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVDSTADR));

        send(post("/faults?mode=temporary&count=5"));
        send(post("/faults?mode=none"));
        submit(client, Gsm7.encode("essai"), 0x00, false, false);

        assertThat(send(post("/faults?mode=sometimes")).statusCode()).isEqualTo(400);
        assertThat(send(post("/faults?mode=temporary&count=-1")).statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(url("/faults")).GET().build()).statusCode()).isEqualTo(405);
    }

    private SMPPSession bind(BindType type, String password, List<DeliverSm> delivered) throws IOException {
        SMPPSession client = new SMPPSession();
        if (delivered != null) {
            client.setMessageReceiverListener(new MessageReceiverListener() {
                @Override
                public void onAcceptDeliverSm(DeliverSm deliverSm) {
                    delivered.add(deliverSm);
                }

                @Override
                public void onAcceptAlertNotification(AlertNotification alertNotification) {
                }

                @Override
                public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source) {
                    return null;
                }
            });
        }
        client.connectAndBind("127.0.0.1", sink.smppPort(), new BindParameter(type, SmsSink.SYSTEM_ID, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        clients.add(client);
        return client;
    }

    private static String submit(SMPPSession client, byte[] userData, int dataCoding, boolean udhi, boolean receipt)
            throws Exception {
        ESMClass esm = udhi ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI) : new ESMClass();
        RegisteredDelivery delivery = new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        return client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Relais",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, NUMBER, esm, (byte) 0, (byte) 1, null, null,
                delivery, (byte) 0, DataCodings.newInstance((byte) dataCoding), (byte) 0, userData).getMessageId();
    }

    private static byte[] withHeader(byte[] header, byte[] text) {
        byte[] all = new byte[header.length + text.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(text, 0, all, header.length, text.length);
        return all;
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + sink.httpPort() + path);
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
