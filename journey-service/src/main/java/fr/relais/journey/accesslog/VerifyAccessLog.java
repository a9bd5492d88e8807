package fr.relais.journey.accesslog;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The verifier an auditor runs (./relais verify-access-log): reads journey-service's database directly, not through
 * the service, and trusts only the public keys it is given. Exit 0 when the log is intact, 1 with each finding named,
 * 2 when it could not check.
 *
 * <p>{@code public-key} instead reads a signing key (base64 seed) on standard input and prints its public key: what
 * the operator who installs a key hands to auditors.
 */
public final class VerifyAccessLog {

    private VerifyAccessLog() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("public-key")) {
            System.out.println(SigningKey.fromBase64Seed(readStdin()).verifyingKey().base64());
            return;
        }
        String url = env("RELAIS_ACCESS_LOG_DB_URL", "jdbc:postgresql://127.0.0.1:15432/journey");
        String user = env("RELAIS_ACCESS_LOG_DB_USER", "journey");
        String password = env("RELAIS_ACCESS_LOG_DB_PASSWORD", "journey");
        String keys = env("RELAIS_ACCESS_LOG_VERIFY_KEYS", "");
        if (keys.isBlank()) {
            System.err.println("set RELAIS_ACCESS_LOG_VERIFY_KEYS to the trusted public keys (base64, comma-separated)");
            System.exit(2);
        }
        List<VerifyingKey> trusted = Arrays.stream(keys.split(",")).filter(k -> !k.isBlank()).map(VerifyingKey::fromBase64).toList();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            System.exit(verify(new AccessLogRows(db), trusted, System.out));
        } catch (SQLException e) {
            System.err.println("could not read the access log at " + url + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** @return the exit status: 0 intact, 1 findings */
    static int verify(AccessLogRows rows, List<VerifyingKey> trusted, PrintStream out) throws SQLException {
        List<StoredDigest> digests = rows.digests();
        Map<UUID, Long> heads = rows.headRows();
        AccessLogVerifier verifier = new AccessLogVerifier(trusted, digests, heads);
        rows.entries(verifier::accept);
        List<String> findings = verifier.finish();
        out.printf("access log: %d entries in %d chains, %d written before the log was chained (not covered); %d signed digests%n",
                verifier.entries(), verifier.chains(), rows.unchained(), digests.size());
        if (findings.isEmpty()) {
            out.println("intact: every chain recomputes, every digest's signature and heads hold");
            return 0;
        }
        out.println(findings.size() + " finding(s):");
        findings.forEach(finding -> out.println("  - " + finding));
        return 1;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String readStdin() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not read the key on standard input", e);
        }
    }
}
