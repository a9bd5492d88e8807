package fr.relais.gateway.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** Reads the staff attributes that the realm maps into tokens. */
final class StaffClaims {

    private StaffClaims() {
    }

    /** A mediator's pools (department codes); empty for everyone else. */
    static List<String> pools(JsonWebToken token) {
        Object claim = token.getClaim("pool");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        if (claim instanceof JsonString single) {
            return List.of(single.getString());
        }
        return List.of();
    }
}
