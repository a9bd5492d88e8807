package fr.relais.system.security;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The callers of the authorization matrix: five kinds of unusable token, and the demo users, none of whom has a
 * reason to act on Camille's journey but Camille herself (no claim, no presence, no verified call, no mandate, no
 * mediation case).
 *
 * @param name          the column name in the matrix files
 * @param token         the bearer value, empty for no header at all
 * @param unusableToken true when every service must answer 401 whatever the operation
 */
record MatrixCaller(String name, Optional<String> token, boolean unusableToken) {

    /** Every caller, in the order cells are reported. {@code expiredToken} must already have expired. */
    static Map<String, MatrixCaller> all(String expiredToken) {
        Map<String, MatrixCaller> callers = new LinkedHashMap<>();
        put(callers, new MatrixCaller("anonymous", Optional.empty(), true));
        put(callers, new MatrixCaller("forged", Optional.of(tampered(KeycloakTokens.accessToken(DemoUser.CAMILLE))), true));
        put(callers, new MatrixCaller("expired", Optional.of(expiredToken), true));
        put(callers, new MatrixCaller("other-client", Optional.of(KeycloakTokens.accessTokenOfAnotherClient(DemoUser.CAMILLE)), true));
        put(callers, new MatrixCaller("no-subject", Optional.of(KeycloakTokens.accessTokenWithoutSubject(DemoUser.CAMILLE)), true));
        for (DemoUser user : DemoUser.values()) {
            put(callers, new MatrixCaller(user.username(), Optional.of(KeycloakTokens.accessToken(user)), false));
        }
        return callers;
    }

    private static void put(Map<String, MatrixCaller> callers, MatrixCaller caller) {
        callers.put(caller.name(), caller);
    }

    /** Same header and claims, one character of the signature changed. */
    private static String tampered(String jwt) {
        char last = jwt.charAt(jwt.length() - 2);
        return jwt.substring(0, jwt.length() - 2) + (last == 'A' ? 'B' : 'A') + jwt.charAt(jwt.length() - 1);
    }
}
