package fr.relais.security;

import jakarta.json.Json;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StaffClaimsTest {

    @Test
    void poolsFromAJsonArrayKeepTheirOrderAndDropBlanks() {
        var token = token(Map.of("pool", Json.createArrayBuilder().add("93").add(" ").add("23").build()));
        assertThat(StaffClaims.pools(token)).containsExactly("93", "23");
    }

    @Test
    void aSinglePoolAsAJsonStringIsOnePoolWithoutQuotes() {
        assertThat(StaffClaims.pools(token(Map.of("pool", Json.createValue("93"))))).containsExactly("93");
    }

    @Test
    void poolsAsPlainJavaValuesAreReadToo() {
        assertThat(StaffClaims.pools(token(Map.of("pool", List.of("93", "23"))))).containsExactly("93", "23");
        assertThat(StaffClaims.pools(token(Map.of("pool", "23")))).containsExactly("23");
    }

    @Test
    void skillsAreReadLikePools() {
        var token = token(Map.of("skills", Json.createArrayBuilder().add("langue-arabe").add("handicap-visuel").build(),
                "pool", Json.createValue("93")));
        assertThat(StaffClaims.skills(token)).containsExactly("langue-arabe", "handicap-visuel");
        assertThat(StaffClaims.skills(token(Map.of()))).isEmpty();
    }

    @Test
    void noPoolClaimIsNoPool() {
        Set<String> pools = StaffClaims.pools(token(Map.of()));
        assertThat(pools).isEmpty();
    }

    @Test
    void theSiteIsOneValueOrNull() {
        assertThat(StaffClaims.site(token(Map.of("site", Json.createValue("fs-gueret"))))).isEqualTo("fs-gueret");
        assertThat(StaffClaims.site(token(Map.of("site", "fs-gueret")))).isEqualTo("fs-gueret");
        assertThat(StaffClaims.site(token(Map.of("site", " ")))).isNull();
        assertThat(StaffClaims.site(token(Map.of()))).isNull();
    }

    /** A token with just these claims: the interface asks only for the claim lookups. */
    private static JsonWebToken token(Map<String, Object> claims) {
        Map<String, Object> copy = new HashMap<>(claims);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return copy.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return (T) copy.get(claimName);
            }
        };
    }
}
