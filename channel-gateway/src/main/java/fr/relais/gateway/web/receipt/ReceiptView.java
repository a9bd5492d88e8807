package fr.relais.gateway.web.receipt;

import fr.relais.gateway.web.WebSession;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/**
 * The receipt as the printable page ({@code desk/receipt.html}) shows it, every text already in French, so that the
 * page and the PDF say the same thing.
 */
@TemplateData
public record ReceiptView(String procedureTitle, String citizenName, String startedAt, String startedWhere, String code,
                          String checkHint, List<Step> steps, String siteName, String openingHours, String phoneLine) {

    /** A step still to do; {@code now} carries the "à faire maintenant" mark. */
    @TemplateData
    public record Step(String title, boolean now, String nowLabel) {
    }

    public static ReceiptView of(Receipt receipt) {
        return new ReceiptView(receipt.procedureTitle(), receipt.citizenName(), receipt.startedAtInFrench(),
                receipt.startedWhere(), receipt.groupedResumeCode(), receipt.checkHint(),
                receipt.nextSteps().stream().map(step -> new Step(step.title(), step.now(), NextStep.NOW_LABEL)).toList(),
                receipt.help().siteName(), receipt.help().openingHours(), receipt.help().phoneLine());
    }

    /**
     * Where the page's links lead: the PDF of the same receipt, and (for the agent) the journey to go on with, or
     * null for no such link.
     */
    public record Links(String pdf, String journey) {
    }

    /** The page for {@code receipt}, inside the layout that {@code nav} fills (menu, form token). */
    public static TemplateInstance page(Template template, Receipt receipt, WebSession.Nav nav, Links links) {
        return template.data("nav", nav).data("receipt", of(receipt)).data("links", links);
    }

    /** Without the name or the code, like {@link Receipt#toString()}. */
    @Override
    public String toString() {
        return "ReceiptView[procedureTitle=" + procedureTitle + ", steps=" + steps.size() + "]";
    }
}
