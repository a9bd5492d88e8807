package fr.relais.gateway.web.receipt;

import java.time.Instant;
import java.util.List;

/** Receipts the tests print: Mohamed's identity card renewal, started at the Guéret counter. */
final class Receipts {

    /** 30 November 2026, 14:05 in Paris (UTC+1 in winter). */
    static final Instant STARTED = Instant.parse("2026-11-30T13:05:00Z");

    private Receipts() {
    }

    static Receipt mohamed() {
        return withName("Renouvellement de carte nationale d'identité", "Mohamed Benali");
    }

    static Receipt withName(String procedureTitle, String citizenName) {
        return new ReceiptFactory(ReceiptFactory.DEMO_PHONE_LINE).receipt(procedureTitle,
                List.of("Rendez-vous au guichet pour la prise d'empreintes", "Remise de la carte au guichet"), true,
                "KM4T7QXR", STARTED, "desk", "fs-gueret", citizenName);
    }
}
