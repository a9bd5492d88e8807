package fr.relais.system.fuzz;

/** One generated request: what was spoiled, and the request itself. {@code contentType} null: no such header. */
record FuzzRequest(String what, String method, String path, String contentType, byte[] body) {
}
