package org.steppewatch.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapping of event payloads: ISO-8601 instants, GeoJSON geometries, unknown fields tolerated. */
public final class EventJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    /** Applies the event conventions to a builder (services apply them to their own mapper). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new GeoJsonModule())
                // newer producers may add fields: a v1 consumer must not break on them
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(SteppeWatchEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static <T extends SteppeWatchEvent> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static String write(ContaminationEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static <T extends ContaminationEvent> T readContamination(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    private EventJson() {
    }
}
