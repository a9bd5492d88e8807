package fr.relais.smssink;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMSC does with a submit_sm: fail it if a fault was asked for, read its text, keep it (a part of a
 * concatenated message waits for the others), answer with a message id, and send a receipt if one was asked for.
 * The other operations are not offered (ESME_RINVCMDID).
 */
final class SubmitHandler implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitHandler.class);
    /** registered_delivery bits 0-1: 1 receipt on success and failure, 3 on success only (SMPP 5.0); 2 is failure only. */
    private static final int RECEIPT_MASK = 0x03;

    private final SmsStore store;
    private final Faults faults;
    private final DeliveryReceipts receipts;
    private final Clock clock;
    private final AtomicLong nextId;
    /** receipts to send once the submit_sm_resp that carries their message id went out */
    private final Map<String, DeliveryReceipts.Receipt> afterResponse = new ConcurrentHashMap<>();

    SubmitHandler(SmsStore store, Faults faults, DeliveryReceipts receipts, Clock clock) {
        this.store = store;
        this.faults = faults;
        this.receipts = receipts;
        this.clock = clock;
        // ids stay distinct across restarts of the sink: they start from the clock
        this.nextId = new AtomicLong(clock.millis() << 12);
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        OptionalInt fault = faults.take(submit.getDestAddress());
        if (fault.isPresent()) {
            throw new ProcessRequestException("fault asked for by the test", fault.getAsInt());
        }
        String to = submit.getDestAddress();
        if (to == null || to.isBlank()) {
            throw new ProcessRequestException("no destination address", SMPPConstant.STAT_ESME_RINVDSTADR);
        }
        byte[] data = userData(submit);
        int dataCoding = submit.getDataCoding() & 0xFF;
        int textStart = 0;
        Optional<UserDataHeader.Concatenation> place = Optional.empty();
        if (SubmitSm.isUdhi(submit.getEsmClass())) {
            UserDataHeader header = UserDataHeader.parse(data)
                    .orElseThrow(() -> new ProcessRequestException("bad user data header", SMPPConstant.STAT_ESME_RSUBMITFAIL));
            textStart = header.length();
            place = header.concatenation();
        }
        String text = ShortMessageText.decode(dataCoding, data, textStart, data.length - textStart)
                .orElseThrow(() -> new ProcessRequestException("data coding not read here", SMPPConstant.STAT_ESME_RINVDCS));
        String id = Long.toHexString(nextId.incrementAndGet());
        String from = submit.getSourceAddr() == null ? "" : submit.getSourceAddr();
        if (place.isPresent()) {
            store.addPart(id, from, to, place.get(), text, dataCoding);
        } else {
            store.addWhole(id, from, to, text, dataCoding);
        }
        LOG.info("submit_sm accepted: message {} ({} characters{})", id, text.length(),
                place.map(p -> ", part " + p.sequence() + "/" + p.total()).orElse(""));
        int wanted = submit.getRegisteredDelivery() & RECEIPT_MASK;
        if (wanted == 1 || wanted == 3) {
            String systemId = receipts.systemIdOf(source).orElse("");
            afterResponse.put(id, new DeliveryReceipts.Receipt(systemId, id, from, ton(submit.getSourceAddrTon()),
                    npi(submit.getSourceAddrNpi()), to, ton(submit.getDestAddrTon()), npi(submit.getDestAddrNpi()), text,
                    clock.instant()));
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    /** short_message, or the message_payload TLV when short_message is empty. */
    private static byte[] userData(SubmitSm submit) {
        byte[] shortMessage = submit.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if (payload instanceof OptionalParameter.OctetString octets) {
            return octets.getValue();
        }
        return new byte[0];
    }

    private static TypeOfNumber ton(byte value) {
        try {
            return TypeOfNumber.valueOf(value);
        } catch (IllegalArgumentException e) {
            return TypeOfNumber.UNKNOWN;
        }
    }

    private static NumberingPlanIndicator npi(byte value) {
        try {
            return NumberingPlanIndicator.valueOf(value);
        } catch (IllegalArgumentException e) {
            return NumberingPlanIndicator.UNKNOWN;
        }
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        DeliveryReceipts.Receipt receipt = afterResponse.remove(result.getMessageId());
        if (receipt != null) {
            receipts.schedule(receipt);
        }
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {
        afterResponse.remove(result.getMessageId());
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw notOffered();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw notOffered();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw notOffered();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw notOffered();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw notOffered();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw notOffered();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw notOffered();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw notOffered();
    }

    private static ProcessRequestException notOffered() {
        return new ProcessRequestException("not offered by this SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
