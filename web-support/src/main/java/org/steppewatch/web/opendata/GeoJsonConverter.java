package org.steppewatch.web.opendata;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link OpenDataList} as an RFC 7946 {@code application/geo+json} FeatureCollection: a Feature per row,
 * its geometry (null when the row has none), its columns as the properties; the licence, the attribution, when it
 * was generated and the URL it came from as foreign members of the collection.
 * <p>
 * Written only when the request asks for {@code application/geo+json} by name: it offers no media type of its own
 * to content negotiation, so {@code Accept: *}{@code /*} keeps JSON (the JSON converter already offers
 * {@code application/*+json}, which makes {@code application/geo+json} acceptable), and it must stand before the JSON
 * converter, which would otherwise write the list's plain JSON under that type.
 */
final class GeoJsonConverter extends WriteOnlyConverter {

    GeoJsonConverter(OpenDataProperties properties, Clock clock) {
        super(properties, clock, null, OpenDataFile.GEO_JSON);
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return mediaType != null && mediaType.isConcrete() && OpenDataFile.GEO_JSON.isCompatibleWith(mediaType)
                && supports(clazz);
    }

    @Override
    protected void writeInternal(OpenDataList list, HttpOutputMessage output) throws IOException {
        OpenDataFile file = OpenDataFile.of(list, properties, clock.instant());
        file.addHeaders(output.getHeaders(), "geojson");
        GeoJsonWriter geometries = new GeoJsonWriter(7);
        geometries.setEncodeCRS(false);
        geometries.setForceCCW(true); // RFC 7946 3.1.6: exterior rings counterclockwise
        try (JsonGenerator json = JsonMapper.shared().createGenerator(output.getBody())) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeStringProperty("licence", file.licence());
            json.writeStringProperty("licenceUrl", file.licenceUrl());
            json.writeName("attribution");
            json.writeStartArray();
            for (String a : file.attributions()) {
                json.writeString(a);
            }
            json.writeEndArray();
            json.writeStringProperty("generated", file.generated().toString());
            json.writeName("source");
            json.writeString(file.source());
            json.writeName("features");
            json.writeStartArray();
            for (OpenDataRow row : list.rows()) {
                feature(json, row, geometries);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void feature(JsonGenerator json, OpenDataRow row, GeoJsonWriter geometries) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeName("geometry");
        Geometry geometry = row.geometry();
        if (geometry == null || geometry.isEmpty()) {
            json.writeNull();
        } else {
            json.writeRawValue(geometries.write(geometry));
        }
        json.writeName("properties");
        json.writeStartObject();
        for (Map.Entry<String, Object> column : row.columns().entrySet()) {
            json.writeName(column.getKey());
            value(json, Cells.plain(column.getValue()));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object plain) {
        if (plain == null) {
            json.writeNull();
        } else if (plain instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (plain instanceof Double || plain instanceof Float || plain instanceof BigDecimal) {
            json.writeNumber(new BigDecimal(plain.toString()));
        } else if (plain instanceof BigInteger b) {
            json.writeNumber(b);
        } else if (plain instanceof Number n) {
            json.writeNumber(n.longValue());
        } else {
            json.writeString(plain.toString());
        }
    }
}
