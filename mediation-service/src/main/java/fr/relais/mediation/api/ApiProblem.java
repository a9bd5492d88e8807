package fr.relais.mediation.api;

/** An error a caller can act on, answered as an RFC 9457 problem detail. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ApiProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what);
    }

    public static ApiProblem forbidden(String why) {
        return new ApiProblem(403, "forbidden", "Not allowed", why);
    }

    public static ApiProblem badRequest(String type, String why) {
        return new ApiProblem(400, type, "Bad request", why);
    }

    public static ApiProblem conflict(String type, String why) {
        return new ApiProblem(409, type, "Conflict", why);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
