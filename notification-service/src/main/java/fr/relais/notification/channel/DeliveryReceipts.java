package fr.relais.notification.channel;

import fr.relais.notification.service.Outcomes;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;

/** The SMS centre's delivery receipts, on the transceiver session: the delivery is marked delivered (or failed). */
@ApplicationScoped
public class DeliveryReceipts implements MessageReceiverListener {

    @Inject
    Outcomes outcomes;

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            return; // a citizen's reply: not read by Relais (the messages say so)
        }
        try {
            DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            boolean delivered = receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD;
            // jsmpp's receiver thread may block; the database work runs on a Vert.x context as Hibernate Reactive needs
            VertxContextSupport.subscribeAndAwait(() -> outcomes.receipt(receipt.getId(), delivered,
                    "smpp-" + String.valueOf(receipt.getFinalStatus()).toLowerCase(java.util.Locale.ROOT)));
        } catch (Throwable e) {
            Log.warnf("SMS delivery receipt not recorded: %s", e.getClass().getSimpleName());
            // the SMS centre sends it again
            throw new ProcessRequestException("receipt not recorded", 0x08);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not accepted", 0x03);
    }
}
