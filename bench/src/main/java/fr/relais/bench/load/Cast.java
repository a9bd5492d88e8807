package fr.relais.bench.load;

import fr.relais.bench.http.BenchUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The simulated people of a run: citizens, counter agents of one site, one mediator of that site's pool. */
public final class Cast {

    public static final String SITE = "fs-aubervilliers";
    public static final String POOL = "93";

    private final BenchUsers users;
    private final List<String> citizens = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();
    private final String mediator;

    public Cast(BenchUsers users, int citizenCount, int agentCount) {
        this.users = users;
        for (int i = 1; i <= citizenCount; i++) {
            citizens.add(users.create(BenchUsers.PREFIX + "citoyen-" + i, "citizen", Map.of()));
        }
        for (int i = 1; i <= agentCount; i++) {
            agents.add(users.create(BenchUsers.PREFIX + "guichet-" + i, "counter-agent", Map.of("site", List.of(SITE))));
        }
        mediator = users.create(BenchUsers.PREFIX + "mediation-1", "mediator", Map.of("pool", List.of(POOL)));
    }

    public String citizenToken(long i) {
        return users.token(citizens.get((int) (i % citizens.size())));
    }

    public int citizenCount() {
        return citizens.size();
    }

    public String agentToken(long i) {
        return users.token(agents.get((int) (i % agents.size())));
    }

    public String mediatorToken() {
        return users.token(mediator);
    }

    /** Fetches every token once up front, so the first measured requests do not wait for Keycloak. */
    public void warmTokens() {
        citizens.forEach(users::token);
        agents.forEach(users::token);
        users.token(mediator);
    }
}
