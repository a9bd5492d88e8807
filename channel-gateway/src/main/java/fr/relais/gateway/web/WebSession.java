package fr.relais.gateway.web;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.security.StaffClaims;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;

/** The signed-in person of a web page: who they are (ID token), what they may see (roles), their form token. */
@RequestScoped
public class WebSession {

    @Inject
    SecurityIdentity identity;

    /** For a web-app tenant this is the ID token; the access token goes downstream (SessionTokenForwarding). */
    @Inject
    JsonWebToken idToken;

    @Inject
    CsrfTokens csrf;

    /**
     * What the layout needs: the menu by role (phone: the phone agents' console; owner: the procedure owners' pages, for
     * procedure-owner and ops; ops: the sites' workload), the person's first name, the form token.
     */
    public record Nav(boolean citizen, boolean agent, boolean mediator, boolean phone, boolean owner, boolean ops, String name,
                      String csrf) {

        /** Nobody signed in (the public home page): no menu, no logout, a way to sign in. */
        public static final Nav VISITOR = new Nav(false, false, false, null, null);

        /** A menu without the sites' workload (screens and tests written before it). */
        public Nav(boolean citizen, boolean agent, boolean mediator, boolean phone, boolean owner, String name, String csrf) {
            this(citizen, agent, mediator, phone, owner, false, name, csrf);
        }

        /** A menu without the phone console nor the owners' pages (screens and tests written before them). */
        public Nav(boolean citizen, boolean agent, boolean mediator, String name, String csrf) {
            this(citizen, agent, mediator, false, false, name, csrf);
        }

        /** A menu without the owners' pages. */
        public Nav(boolean citizen, boolean agent, boolean mediator, boolean phone, String name, String csrf) {
            this(citizen, agent, mediator, phone, false, name, csrf);
        }
    }

    public Nav nav() {
        String name = idToken.getClaim("given_name");
        return new Nav(identity.hasRole("citizen"), identity.hasRole("counter-agent"), identity.hasRole("mediator"),
                identity.hasRole("phone-agent"), owner(), ops(), name == null ? idToken.getName() : name, csrfToken());
    }

    /** Whether the procedure owners' pages are for this person: a procedure owner, or ops (who see every procedure). */
    public boolean owner() {
        return identity.hasRole("procedure-owner") || ops();
    }

    public boolean ops() {
        return identity.hasRole("ops");
    }

    /** The procedures a procedure owner answers for: the ID token's {@code procedures} claim (the realm maps it there too). */
    public List<String> ownedProcedures() {
        return List.copyOf(StaffClaims.procedures(idToken));
    }

    public Actor actor(Channel channel) {
        return new Actor(idToken.getSubject(), identity.getRoles(), StaffClaims.site(idToken), channel);
    }

    public String site() {
        String site = StaffClaims.site(idToken);
        if (site == null) {
            throw new ForbiddenException("no site on this account");
        }
        return site;
    }

    /** Signed in through an identity provider (FranceConnect), not with a password: its identity is certified. */
    public boolean certifiedIdentity() {
        return idToken.getClaim("identity_provider") != null;
    }

    public String subject() {
        return idToken.getSubject();
    }

    public String csrfToken() {
        return csrf.tokenFor(sessionKey());
    }

    /** Every state-changing form carries the token; a form posted from elsewhere does not have it. */
    public void checkCsrf(String token) {
        if (!csrf.matches(sessionKey(), token)) {
            throw new ForbiddenException("form token missing or stale: reload the page");
        }
    }

    /** A fresh key for one form, so that a double click sends the same command twice and it is decided once. */
    public static String formKey() {
        return UUID.randomUUID().toString();
    }

    private String sessionKey() {
        String sid = idToken.getClaim("sid");
        return idToken.getSubject() + "\n" + (sid == null ? idToken.getIssuedAtTime() : sid);
    }
}
