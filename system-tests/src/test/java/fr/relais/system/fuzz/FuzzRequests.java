package fr.relais.system.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spoiled variants of one valid request: each body field given wrong types, huge and strange strings, nulls, deep
 * nesting, or removed; unknown fields; bodies that are not JSON, too deep, too large, with duplicate keys or bytes that
 * are not UTF-8; wrong content types; path parameters that are not ids; garbage query parameters.
 */
final class FuzzRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> BAD_SEGMENTS = List.of("not-a-uuid", "%F0%9F%92%A9", "..%2F..%2Fetc%2Fpasswd",
            "A".repeat(400), "%00", "00000000-0000-0000-0000-000000000000", "%25%32%65");
    private static final List<String> STRANGE_TEXTS = List.of("", " ", "\u0000", "\u202Eevil", "\uD83D\uDCA9", "<script>alert(1)</script>",
            "'; drop table journey; --", "../../etc/passwd", "2024-02-30", "9999-12-31T23:59:59Z", "-1", "NaN", "null",
            "${jndi:ldap://x}", "{{7*7}}", "a\r\nSet-Cookie: x=y");

    /** A JSON value of any shape a client might wrongly send. */
    private static final Arbitrary<JsonNode> WRONG_VALUES = Arbitraries.oneOf(
            Arbitraries.just(NODES.nullNode()),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.just(NODES.numberNode(1e308)),
            Arbitraries.just(NODES.numberNode(new BigInteger("123456789012345678901234567890123456789"))),
            Arbitraries.of(STRANGE_TEXTS).map(NODES::textNode),
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60).map(NODES::textNode),
            Arbitraries.strings().withCharRange('a', 'z').ofLength(20_000).map(NODES::textNode),
            Arbitraries.just(JSON.createArrayNode()),
            Arbitraries.just(JSON.createArrayNode().add(1).add("a").addNull()),
            Arbitraries.just(JSON.createObjectNode()),
            Arbitraries.just(nested(200)));

    private FuzzRequests() {
    }

    static List<FuzzRequest> of(String method, String path, String validBody, Map<String, JsonNode> properties) {
        List<FuzzRequest> requests = new ArrayList<>();
        boolean withBody = validBody != null;
        byte[] valid = withBody ? validBody.getBytes(StandardCharsets.UTF_8) : null;
        for (String segment : BAD_SEGMENTS) {
            Matcher id = UUID_SEGMENT.matcher(path);
            if (id.find()) {
                requests.add(new FuzzRequest("path id " + abbreviate(segment), method,
                        path.substring(0, id.start()) + "/" + segment + path.substring(id.end()), json(withBody), valid));
            }
        }
        requests.add(new FuzzRequest("garbage query", method, path + "?days=-5&pool=%00&x=" + "y".repeat(2000),
                json(withBody), valid));
        if (!withBody) {
            return requests;
        }
        ObjectNode base = RequestBodies.object(validBody);
        properties.forEach((name, schema) -> {
            if (!base.has(name)) {
                base.set(name, RequestBodies.plausible(schema));
            }
        });
        List<String> fields = new ArrayList<>();
        base.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            for (JsonNode wrong : WRONG_VALUES.sampleStream().limit(4).toList()) {
                ObjectNode spoiled = base.deepCopy();
                spoiled.set(field, wrong);
                requests.add(new FuzzRequest(field + " = " + abbreviate(wrong.toString()), method, path, "application/json", bytes(spoiled)));
            }
            ObjectNode without = base.deepCopy();
            without.remove(field);
            requests.add(new FuzzRequest("without " + field, method, path, "application/json", bytes(without)));
        }
        ObjectNode unknown = base.deepCopy();
        unknown.set("noSuchField", NODES.textNode("x"));
        requests.add(new FuzzRequest("an unknown field", method, path, "application/json", bytes(unknown)));
        String whole = base.toString();
        String duplicated = fields.isEmpty() ? "{\"a\":1,\"a\":2}"
                : whole.substring(0, whole.length() - 1) + ",\"" + fields.get(0) + "\":[[],{}]}";
        for (String body : List.of("", "null", "[]", "\"text\"", "{", "{\"a\":", "[1,2", duplicated, "\uFEFF" + whole,
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"big\":\"" + "z".repeat(70_000) + "\"}")) {
            requests.add(new FuzzRequest("body " + abbreviate(body), method, path, "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        requests.add(new FuzzRequest("bytes that are not UTF-8", method, path, "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        for (String type : List.of("text/plain", "application/xml", "application/json; charset=UTF-16", "multipart/form-data")) {
            requests.add(new FuzzRequest("content type " + type, method, path, type, valid));
        }
        requests.add(new FuzzRequest("no content type", method, path, null, valid));
        return requests;
    }

    private static String json(boolean withBody) {
        return withBody ? "application/json" : null;
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = JSON.createArrayNode().add(node);
        }
        return node;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "... (" + text.length() + " chars)";
    }
}
