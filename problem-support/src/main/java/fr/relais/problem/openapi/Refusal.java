package fr.relais.problem.openapi;

import java.util.Arrays;
import java.util.Optional;

/** The refusals every Relais service documents alike: each is one shared response of the OpenAPI document. */
enum Refusal {

    BAD_REQUEST(400, "BadRequest", "The request is not valid: the problem says what to fix"),
    UNAUTHORIZED(401, "Unauthorized", "No valid token (or session) for this service"),
    FORBIDDEN(403, "Forbidden", "The caller's role, or the reason they have, does not allow it"),
    NOT_FOUND(404, "NotFound", "Nothing of that id that the caller may see"),
    CONFLICT(409, "Conflict", "The current state does not allow it (already claimed, wrong step, slot taken…)"),
    UNPROCESSABLE(422, "Unprocessable", "Understood but refused: invalid answers, or an Idempotency-Key reused for another request"),
    TOO_MANY_REQUESTS(429, "TooManyRequests", "Too many tries: wait before trying again");

    final String code;
    final String name;
    final String description;

    Refusal(int status, String name, String description) {
        this.code = Integer.toString(status);
        this.name = name;
        this.description = description;
    }

    String ref() {
        return "#/components/responses/" + name;
    }

    static Optional<Refusal> of(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code.equals(code)).findFirst();
    }
}
