package fr.relais.smssink;

import java.util.Locale;
import org.jsmpp.SMPPConstant;

/** How the next submits fail, for tests of retries (temporary) and of the fallback to another channel (permanent). */
public enum FaultMode {
    NONE(SMPPConstant.STAT_ESME_ROK),
    /** ESME_RTHROTTLED (0x58): try again later. */
    TEMPORARY(SMPPConstant.STAT_ESME_RTHROTTLED),
    /** ESME_RINVDSTADR (0x0B): this number will never work. */
    PERMANENT(SMPPConstant.STAT_ESME_RINVDSTADR);

    final int commandStatus;

    FaultMode(int commandStatus) {
        this.commandStatus = commandStatus;
    }

    /** The mode named in lower case (temporary, permanent, none); empty name or unknown: IllegalArgumentException. */
    public static FaultMode parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
