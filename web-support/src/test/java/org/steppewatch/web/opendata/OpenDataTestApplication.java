package org.steppewatch.web.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Boot's auto-configuration (so web-support's) and one list of each kind: open data, and a plain record. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OpenDataTestApplication.WellApi.class)
class OpenDataTestApplication {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** The JSON leaves the geometry out: this application has no GeoJSON serializer, the services do. */
    record Well(String id, String name, double depthM, Instant checkedAt, boolean dry, @JsonIgnore Geometry location)
            implements OpenDataRow {

        @Override
        public Map<String, Object> columns() {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("id", id);
            columns.put("name", name);
            columns.put("depthM", depthM);
            columns.put("checkedAt", checkedAt);
            columns.put("dry", dry);
            columns.put("condition", dry ? Condition.DRY : Condition.IN_USE);
            return columns;
        }

        @Override
        public Geometry geometry() {
            return location;
        }
    }

    /** Written in JSON by its label: so it must be in CSV too. */
    enum Condition {
        IN_USE("in use"), DRY("dry");

        private final String label;

        Condition(String label) {
            this.label = label;
        }

        @JsonValue
        String label() {
            return label;
        }
    }

    record WellPage(List<Well> items, int page, long total) implements OpenDataList {

        @Override
        public String dataset() {
            return "wells";
        }

        @Override
        public List<Well> rows() {
            return items;
        }

        @Override
        public List<String> attributions() {
            return List.of("Well survey 2019, Karaganda Ecological Museum");
        }
    }

    record Plain(String id, LocalDate day) {
    }

    record PlainRow(Plain plain) implements OpenDataRow {

        @Override
        public Map<String, Object> columns() {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("id", plain.id());
            columns.put("day", plain.day());
            return columns;
        }

        @Override
        public Geometry geometry() {
            return null;
        }
    }

    @RestController
    static class WellApi {

        @GetMapping("/api/wells")
        WellPage wells() {
            // a clockwise ring: GeoJSON (RFC 7946) wants it counterclockwise
            Geometry zone = WGS84.createPolygon(new Coordinate[]{new Coordinate(73.0, 50.0), new Coordinate(73.0, 50.1),
                    new Coordinate(73.1, 50.1), new Coordinate(73.1, 50.0), new Coordinate(73.0, 50.0)});
            return new WellPage(List.of(
                    new Well("W-1", "Nura, below the \"Temirtau\" dam, left bank", 12.5,
                            Instant.parse("2026-11-20T08:30:00Z"), false, WGS84.createPoint(new Coordinate(72.9613, 50.0583))),
                    new Well("W-2", "=HYPERLINK(\"http://evil.example\")", -3.0, null, true, zone),
                    new Well("W-3", "Жезказган\r\nline two", 0.0001, null, false, null),
                    new Well("W-4", "@SUM(A1)", 7, null, false, null),
                    new Well("W-5", "\tcmd", 1, null, false, null),
                    new Well("W-6", "+1-2", 2, null, false, null)),
                    0, 6);
        }

        /** A list whose JSON was always a bare array. */
        @GetMapping("/api/wells/array")
        OpenDataArray<Plain> array() {
            return new OpenDataArray<>("plain", List.of(new Plain("P-1", LocalDate.of(2026, 12, 1)),
                    new Plain("P-2", LocalDate.of(2026, 12, 2))), PlainRow::new);
        }

        @GetMapping("/api/wells/empty")
        WellPage none() {
            return new WellPage(List.of(), 0, 0);
        }

        @GetMapping("/api/plain")
        Plain plain() {
            return new Plain("P-1", LocalDate.of(2026, 12, 1));
        }
    }
}
