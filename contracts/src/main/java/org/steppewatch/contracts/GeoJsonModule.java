package org.steppewatch.contracts;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/** Reads and writes JTS geometries as RFC 7946 GeoJSON geometry objects (via jts-io-common). */
public final class GeoJsonModule extends SimpleModule {

    public GeoJsonModule() {
        super("steppewatch-geojson");
        addSerializer(Geometry.class, new GeometrySerializer());
        addDeserializer(Geometry.class, new GeometryDeserializer());
    }

    public static String write(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        return writer.write(geometry);
    }

    /**
     * @throws IllegalArgumentException when the text is not a GeoJSON geometry
     */
    public static Geometry read(String geoJson) {
        try {
            Geometry geometry = new GeoJsonReader(Geo.FACTORY).read(geoJson);
            geometry.setSRID(Geo.WGS84);
            return geometry;
        } catch (ParseException | RuntimeException e) {
            // jts-io-common reports malformed members as assorted runtime exceptions
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "not a GeoJSON geometry" : "not a GeoJSON geometry: " + message;
    }

    static final class GeometrySerializer extends StdSerializer<Geometry> {

        GeometrySerializer() {
            super(Geometry.class);
        }

        @Override
        public void serialize(Geometry value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeRawValue(write(value));
        }
    }

    static final class GeometryDeserializer extends StdDeserializer<Geometry> {

        GeometryDeserializer() {
            super(Geometry.class);
        }

        @Override
        public Geometry deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode node = ctxt.readTree(p);
            if (!node.isObject() || !node.hasNonNull("type")) {
                return ctxt.reportInputMismatch(Geometry.class, "expected a GeoJSON geometry object with a \"type\"");
            }
            try {
                return read(node.toString());
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(Geometry.class, e.getMessage());
            }
        }
    }
}
