package fr.relais.mediation.api;

import fr.relais.mediation.domain.CaseConflict;
import fr.relais.mediation.service.CaseService;
import fr.relais.problem.ProblemResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problems only mediation-service answers; every other error is mapped by problem-support. */
public class CaseProblems {

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper
    public Response caseConflict(CaseConflict conflict, UriInfo uri) {
        return problems.of(409, conflict.code(), "Conflict", conflict.getMessage(), uri);
    }

    /** The same answer whether the case is missing or in another pool: a 403 would confirm that it exists. */
    @ServerExceptionMapper
    public Response notVisible(CaseService.NotVisible e, UriInfo uri) {
        return problems.of(404, "not-found", "Not found", "no such case", uri);
    }
}
