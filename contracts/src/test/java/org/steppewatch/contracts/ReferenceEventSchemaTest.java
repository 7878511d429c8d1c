package org.steppewatch.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The reference-data chunks on reference.v1 have a published schema describing what {@link EventJson}'s mapper writes. */
class ReferenceEventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    static final ReferenceDataPublished SETTLEMENTS = new ReferenceDataPublished("sha256:0123456789abcdef", 3,
            ReferenceDataPublished.SETTLEMENTS, "sha256:fedcba9876543210", 0, 2,
            List.of(new ReferenceDataPublished.Settlement("gn:1521368", "Baikonur", "Байконур", "Байқоңыр", 63.31, 45.62,
                    70000, "GeoNames cities5000 (CC BY 4.0)", "GeoNames", List.of("Leninsk"))), List.of(), AT);
    static final ReferenceDataPublished ZONES = new ReferenceDataPublished("sha256:0123456789abcdef", 3,
            ReferenceDataPublished.DROP_ZONES, "sha256:00000000000000aa", 0, 1, List.of(),
            List.of(new ReferenceDataPublished.Zone("RP-25", "RP-25", "DROP_ZONE", "Proton first stage",
                    GeoJsonModule.read("{\"type\":\"Polygon\",\"coordinates\":[[[66,47],[67,47],[67,48],[66,47]]]}"), true,
                    "approximate", "compiled", null)), AT);

    @Test
    void aChunkOfEachKindIsValidAndTheSchemaNamesEveryField() {
        JsonSchema schema = FACTORY.getSchema(resource("schemas/" + EventTypes.REFERENCE_PUBLISHED + ".schema.json"));
        for (ReferenceDataPublished chunk : List.of(SETTLEMENTS, ZONES)) {
            String json = EventJson.mapper().writeValueAsString(chunk);
            assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        }
        JsonNode tree = EventJson.mapper().readTree(resource("schemas/" + EventTypes.REFERENCE_PUBLISHED + ".schema.json"));
        assertThat(names(tree.path("properties"))).isEqualTo(fields(ReferenceDataPublished.class));
        assertThat(names(tree.path("$defs").path("Settlement").path("properties")))
                .isEqualTo(fields(ReferenceDataPublished.Settlement.class));
        assertThat(names(tree.path("$defs").path("Zone").path("properties"))).isEqualTo(fields(ReferenceDataPublished.Zone.class));
    }

    @Test
    void theKeyIsDatasetAndChunkAndTheRecordGoesToTheReferenceTopic() {
        assertThat(SETTLEMENTS.key()).isEqualTo("settlements:0");
        assertThat(ZONES.key()).isEqualTo("dropZones:0");
        assertThat(SETTLEMENTS.topic()).isEqualTo("reference.v1");
        assertThat(SETTLEMENTS.eventType()).isEqualTo("org.steppewatch.reference.published.v1");
    }

    @Test
    void aSettlementWithAFieldOfANewerProducerIsStillReadAndValid() {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(SETTLEMENTS));
        ((ObjectNode) json.get("settlements").get(0)).putArray("historicalNames").add("Zarya");
        JsonSchema schema = FACTORY.getSchema(resource("schemas/" + EventTypes.REFERENCE_PUBLISHED + ".schema.json"));
        assertThat(schema.validate(json.toString(), InputFormat.JSON)).isEmpty();
        ReferenceDataPublished read = EventJson.mapper().readValue(json.toString(), ReferenceDataPublished.class);
        assertThat(read.settlements().get(0).alternateNames()).containsExactly("Leninsk");
        assertThat(read.settlements().get(0).nameKk()).isEqualTo("Байқоңыр");
    }

    @Test
    void aChunkWithoutItsRevisionOrWithAnUnknownDatasetFailsValidation() {
        JsonSchema schema = FACTORY.getSchema(resource("schemas/" + EventTypes.REFERENCE_PUBLISHED + ".schema.json"));
        ObjectNode noRevision = (ObjectNode) EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(SETTLEMENTS));
        noRevision.remove("revision");
        assertThat(schema.validate(noRevision.toString(), InputFormat.JSON)).isNotEmpty();
        ObjectNode unknown = (ObjectNode) EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(SETTLEMENTS));
        unknown.put("dataset", "rivers");
        assertThat(schema.validate(unknown.toString(), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDeclaresTheTopicCompactedWithItsMessage() {
        Map<String, Object> doc = new Yaml().load(resource("asyncapi.yaml"));
        Map<String, Object> channel = (Map<String, Object>) ((Map<String, Object>) doc.get("channels")).get("reference");
        assertThat(channel).containsEntry("address", Topics.REFERENCE);
        Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) channel.get("bindings")).get("kafka");
        assertThat(kafka.get("topicConfiguration").toString()).contains("cleanup.policy=[compact]");
        Map<String, Object> message = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("components"))
                .get("messages")).get("referenceDataPublished");
        assertThat(message).containsEntry("name", EventTypes.REFERENCE_PUBLISHED);
        assertThat(message.get("payload").toString()).contains("./schemas/" + EventTypes.REFERENCE_PUBLISHED + ".schema.json");
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.propertyNames().forEach(names::add);
        return names;
    }

    private static Set<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    }

    private static String resource(String name) {
        String path = "/org/steppewatch/contracts/" + name;
        try (InputStream in = ReferenceEventSchemaTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
