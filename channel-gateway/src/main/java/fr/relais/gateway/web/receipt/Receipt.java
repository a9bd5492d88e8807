package fr.relais.gateway.web.receipt;

import fr.relais.document.FrenchDates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a citizen who never goes online takes home from the counter or receives after a call: her resume code, when
 * and where the journey started, what comes next and whom to ask. The same content feeds the printable page and the PDF.
 *
 * @param procedureTitle the procedure's French title
 * @param resumeCode     8 characters, as journey-service issued it
 * @param startedAt      when the journey started (shown in Paris time)
 * @param startedWhere   a French phrase: "au guichet France Services Guéret", "par téléphone avec la plateforme Relais"
 * @param citizenName    given names and family name, printed for her, or null when the journey has no person record
 *                       (started online: the account is hers); personal data, so never logged (see toString)
 * @param nextSteps      the steps still to do, the current one first
 * @param help           where to ask for help
 */
public record Receipt(String procedureTitle, String resumeCode, Instant startedAt, String startedWhere, String citizenName,
                      List<NextStep> nextSteps, HelpLines help) {

    /** Always printed under the code: what the code is for and what goes with it. */
    public static final String CHECK_HINT = "Gardez ce code : avec votre date de naissance, il permet de reprendre votre "
            + "démarche au guichet, par téléphone ou en ligne.";

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{8}");

    public Receipt {
        Objects.requireNonNull(procedureTitle, "procedureTitle");
        Objects.requireNonNull(resumeCode, "resumeCode");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(startedWhere, "startedWhere");
        Objects.requireNonNull(help, "help");
        if (!CODE.matcher(resumeCode).matches()) {
            // the code itself stays out of the message: it is half of a key to the journey
            throw new IllegalArgumentException("a resume code is 8 capital letters or digits");
        }
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    }

    public String checkHint() {
        return CHECK_HINT;
    }

    /** "ABCD EFGH": two groups of four read aloud and copied without losing one's place. */
    public String groupedResumeCode() {
        return resumeCode.substring(0, 4) + " " + resumeCode.substring(4);
    }

    /** "30 novembre 2026 à 14 h 05", Paris time. */
    public String startedAtInFrench() {
        return FrenchDates.withYear(startedAt);
    }

    /** Without the name or the code, so that a receipt that ends up in a log or an exception leaks neither. */
    @Override
    public String toString() {
        return "Receipt[procedureTitle=" + procedureTitle + ", steps=" + nextSteps.size() + "]";
    }
}
