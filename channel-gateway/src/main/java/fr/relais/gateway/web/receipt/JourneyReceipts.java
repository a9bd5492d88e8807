package fr.relais.gateway.web.receipt;

import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.UUID;

/**
 * A journey's receipt as the caller may see it: journey-service's answer (only for the agent holding the journey, or
 * its owner; 404 otherwise, and the read goes to the citizen's access log) with the titles of the procedure version
 * the journey pinned. The help line is the one the public home page gives (relais.help.phone-line).
 */
@ApplicationScoped
public class JourneyReceipts {

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    private final ReceiptFactory factory;

    JourneyReceipts(@ConfigProperty(name = "relais.help.phone-line") String phoneLine) {
        this.factory = new ReceiptFactory(phoneLine.strip());
    }

    public Uni<Receipt> of(UUID journeyId) {
        return journeys.receipt(journeyId).flatMap(answer -> journeys.procedureVersion(answer.procedureId(), answer.procedureVersion())
                .map(procedure -> {
                    try {
                        return factory.receipt(procedure, answer);
                    } catch (IllegalArgumentException noCode) {
                        // a journey without a resume code (closed) has nothing to print
                        throw new ProblemException(409, "no-receipt", "No receipt", "this journey has no resume code to print");
                    }
                }));
    }

    /** The receipt as a PDF, written off the event loop (PDFBox works synchronously). */
    public Uni<byte[]> pdf(UUID journeyId) {
        return of(journeyId).emitOn(Infrastructure.getDefaultWorkerPool()).map(ReceiptPdf::render);
    }
}
