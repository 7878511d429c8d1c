package org.steppewatch.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The operators' events on operations.v1 have published schemas too, describing what {@link EventJson} writes. */
class OperationalEventSchemasTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Stream<OperationalEvent> everyOperationalEvent() {
        return Stream.of(
                new DeliveryExhausted("a1e69ecc:6daa72f7", "a1e69ecc", "inc-2013-07-02-proton-m", "6daa72f7", "webhook", 8,
                        "receiver answered HTTP 503", Instant.parse("2013-07-03T05:35:05Z")),
                // a confirmation mail has no alert and no incident
                new DeliveryExhausted("confirm:6daa72f7", null, null, "6daa72f7", "email", 8, "connection refused",
                        Instant.parse("2013-07-03T05:35:05Z")),
                new EndpointDisabled("6daa72f7", "every delivery failed since 2013-07-02T03:10:00Z: receiver answered HTTP 503",
                        Instant.parse("2013-07-02T03:10:00Z"), Instant.parse("2013-07-07T03:10:00Z"), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperationalEvent")
    void serialisedEventIsValidAgainstItsSchemaAndTheSchemaNamesEveryField(OperationalEvent event) {
        JsonSchema schema = schema(event.eventType());
        String json = EventJson.mapper().writeValueAsString(event);
        assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        Set<String> described = new java.util.HashSet<>();
        schemaTree(event.eventType()).path("properties").propertyNames().forEach(described::add);
        Set<String> fields = Arrays.stream(event.getClass().getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet());
        assertThat(described).as("properties of %s", event.eventType()).isEqualTo(fields);
    }

    @Test
    void everyOperationalTypeHasASchemaAndIsOnTheOperationsTopic() {
        List<String> types = List.of(EventTypes.DELIVERY_EXHAUSTED, EventTypes.ENDPOINT_DISABLED);
        assertThat(types).allSatisfy(t -> {
            assertThat(EventTypes.operationalRecordFor(t)).isPresent();
            assertThat(schemaTree(t).path("$id").asString()).endsWith(t + ".schema.json");
        });
        assertThat(everyOperationalEvent().map(OperationalEvent::topic)).containsOnly(Topics.OPERATIONS);
    }

    @Test
    void anExhaustedDeliveryWithoutItsAttemptsCountFailsValidation() {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(
                EventJson.mapper().writeValueAsString(everyOperationalEvent().findFirst().orElseThrow()));
        json.remove("attempts");
        assertThat(schema(EventTypes.DELIVERY_EXHAUSTED).validate(json.toString(), InputFormat.JSON)).isNotEmpty();
    }

    private static JsonSchema schema(String type) {
        return FACTORY.getSchema(resource(type));
    }

    private static JsonNode schemaTree(String type) {
        return EventJson.mapper().readTree(resource(type));
    }

    private static String resource(String type) {
        String name = "/org/steppewatch/contracts/schemas/" + type + ".schema.json";
        try (InputStream in = OperationalEventSchemasTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
