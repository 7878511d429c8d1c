package org.steppewatch.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.yaml.snakeyaml.Yaml;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The published JSON Schemas and the AsyncAPI document describe what {@link EventJson} really writes. */
class EventSchemasTest {

    private static final String BASE = "/org/steppewatch/contracts/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // Proton-M, Baikonur Site 81/24, 2 July 2013
    private static final String INCIDENT = "inc-2013-07-02-proton-m";
    private static final Instant OCCURRED = Instant.parse("2013-07-02T02:38:22Z");
    private static final Polygon FOOTPRINT = Geo.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(62.99, 46.04), new Coordinate(63.01, 46.04), new Coordinate(63.01, 46.06),
            new Coordinate(62.99, 46.04)});

    private static final ReportedBy ISSUER = new ReportedBy("3f1c9a2e", "duty-officer", true);
    private static final ReportedBy ANALYST = new ReportedBy("8b7d41c0", "aigerim", false);

    static IncidentFacts protonFacts(String description) {
        return new IncidentFacts("Proton-M launch failure after lift-off", IncidentCategory.LAUNCH_FAILURE, OCCURRED,
                Geo.point(63.00, 46.05), FOOTPRINT, "Proton-M", "Baikonur Site 81/24",
                List.of(new IncidentFacts.Release("UDMH", 172_000, IncidentFacts.Release.FIRE), new IncidentFacts.Release("N2O4", 420_000)),
                List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", Geo.point(63.0, 46.05),
                        Instant.parse("2013-07-03T10:00:00Z")),
                        new IncidentFacts.Sample("NDMA", "WATER", null, "mg/L", null, null, false, 0.0001)),
                new IncidentFacts.Weather(225.0, 3.0, "D", 4, 20.0), description);
    }

    static Stream<SteppeWatchEvent> everyEvent() {
        IncidentAssessed assessed = new IncidentAssessed(INCIDENT, 2, IncidentAssessed.assessmentId(INCIDENT, 2),
                Instant.parse("2013-07-02T06:00:05Z"), "2026.1",
                new IncidentAssessed.IncidentSummary("Proton-M launch failure after lift-off", IncidentCategory.LAUNCH_FAILURE,
                        OCCURRED, Geo.point(63.00, 46.05)),
                new IncidentAssessed.FallZoneFinding("OUTSIDE", "RP-15", "Ulytau drop zone 15", 212.4, true),
                List.of(new IncidentAssessed.HazardZone("AEGL-3", "UDMH", 11.0, 60, FOOTPRINT, "Gaussian plume",
                                List.of("flat terrain assumed")),
                        new IncidentAssessed.HazardZone("AEGL-2", "UDMH", 3.0, 60, FOOTPRINT, "Monte Carlo ensemble",
                                List.of(), IncidentAssessed.HazardZone.PROBABILITY_10, 10.0),
                        new IncidentAssessed.HazardZone("REPORTED_FOOTPRINT", null, null, null, FOOTPRINT, "reported", null)),
                List.of(new IncidentAssessed.AffectedSettlement("gn:1521368", "Baikonur", "Байконур", "Байқоңыр", 70_000,
                        54.1, 153, null, java.util.Map.of("AEGL-3", 0.0, "AEGL-2", 0.05), 190, 3.5)),
                List.of(new IncidentAssessed.Exceedance("UDMH", "SOIL", 123, 0.1, "mg/kg", 1230,
                        "Kazakhstan hygienic standard (MPC in soil)", "KZ_MPC")),
                Severity.EXTREME, "Immediate", "Observed", "Proton-M crashed 2.5 km from the pad; 172 t UDMH released.",
                ANALYST, new IncidentAssessed.WeatherUsed(null, 1.5, "D", IncidentAssessed.WeatherUsed.UNKNOWN_DIRECTION,
                        List.of("no wind direction reported: every direction sampled")), IncidentAssessed.ACUTE);
        return Stream.of(
                new IncidentReported(INCIDENT, 1, Instant.parse("2013-07-02T03:10:00Z"), protonFacts(null), ISSUER),
                new IncidentRevised(INCIDENT, 2, Instant.parse("2013-07-02T05:00:00Z"),
                        protonFacts("Soil sample added; N2O4 load confirmed."), ANALYST),
                new IncidentRetracted(INCIDENT, 3, Instant.parse("2013-07-10T09:00:00Z"), "Duplicate of another incident",
                        ANALYST),
                assessed,
                new AssessmentWithdrawn(INCIDENT, 3, Instant.parse("2013-07-10T09:00:02Z"), "Duplicate of another incident",
                        List.of(INCIDENT + ":1", INCIDENT + ":2"), ANALYST),
                new AlertIssued("alert-1", INCIDENT, 2, "Update", Instant.parse("2013-07-02T06:00:10Z"), Severity.EXTREME,
                        "Immediate", "Observed", "Proton-M crash near Baikonur: stay indoors", List.of("gn:1521368"), 3),
                new AlertCancelled("alert-2", INCIDENT, 3, Instant.parse("2013-07-10T09:00:05Z"),
                        "Duplicate of another incident"));
    }

    static Stream<ContaminationEvent> everyContaminationEvent() {
        LocalDate day = LocalDate.parse("2026-11-20");
        Instant recorded = Instant.parse("2026-11-21T08:00:00Z");
        Instant judgedAt = recorded.plusSeconds(2);
        ResultRecorded ndma = new ResultRecorded("res-5b0c7f3e", "KZ-UDMH-YU24", "camp-2026-autumn", "loc-3",
                Geo.point(66.95, 47.57), "NDMA", "drinking_water", 0.02, null, null, true, 0.00001, 0.00003, "mg/L", null,
                "SINGLE", null, day, day, "GC-MS/MS", "example laboratory", null, null, "well at the camp", "aigerim", recorded);
        ResultRecorded range = new ResultRecorded("seed-27", "KZ-UDMH-YU24", null, null, Geo.point(66.95, 47.57), "NDMA",
                "groundwater", 0.01, 0.13, null, null, null, null, "mg/L", null, "RANGE", 12, null, null, null,
                "Ecological passport of drop area Yu-24", "SRC_YU24_PASSPORT2002", "primary_report", null, "seed", recorded);
        ResultRecorded nonDetect = new ResultRecorded("res-9a1d", null, null, null, Geo.point(72.96, 50.05), "HG", "water",
                null, null, null, false, 0.0001, null, "mg/L", "WET", "SINGLE", null, null, null, null, null, null, null, null,
                "aigerim", recorded);
        ResultJudged.LimitComparison who = new ResultJudged.LimitComparison("WHO", "DRINKING_WATER", 0.0001, "mg/L", null, null,
                0.02, 200.0, "ABOVE", true, false, "above the WHO limit: 0.02 mg/L is 200× 0.0001 mg/L", "WHO GDWQ",
                "WHO Guidelines for Drinking-water Quality", "secondary", "unverified", null, null);
        ResultJudged.LimitComparison notCompared = new ResultJudged.LimitComparison(null, null, null, null, null, null, null,
                null, "NOT_COMPARED", false, false, "not compared: no limit on file", null, null, null, null, null,
                "no limit on file");
        FacilityReported facility = new FacilityReported("fac-example-steelworks", 2, "Example steelworks", "Example operator",
                "2(b) production of pig iron or steel", Geo.point(72.96, 50.05), true, "illustrative example, not a report",
                List.of(new FacilityReported.AnnualRelease(2023, "HG", "air", 35.0, "E"),
                        new FacilityReported.AnnualRelease(2023, "NOX", "water", 500.0, null)),
                "aigerim", recorded);
        return Stream.of(ndma, range, nonDetect,
                new ResultJudged(ndma.resultId(), ndma.siteId(), ndma.location(), "NDMA", "drinking_water", day, day,
                        List.of(who), new ResultJudged.NoticeRating(Severity.MODERATE, "Future", "Observed", 200.0, "WHO",
                        "contamination notice: the highest ratio is at least 10× a chronic limit"), List.of(), "sha256:0123456789abcdef",
                        judgedAt),
                new ResultJudged("seed-3", null, null, "HG", "sediment", null, null, List.of(notCompared), null,
                        List.of("HG in SEDIMENT (no limit on file)"), "sha256:0123456789abcdef", judgedAt),
                facility,
                new FacilityJudged(facility.facilityId(), 2, List.of(
                        new FacilityJudged.ReleaseJudgement(2023, "HG", "air", 35.0, 10.0, 3.5, true,
                                "Regulation (EC) No 166/2006 (E-PRTR), Annex II"),
                        new FacilityJudged.ReleaseJudgement(2023, "NOX", "water", 500.0, null, null, false, null)),
                        "sha256:0123456789abcdef", judgedAt),
                new NoticeIssued("ntc-5b0c7f3e", ndma.resultId(), ndma.siteId(), ndma.location(), Severity.MODERATE, "NDMA",
                        "drinking_water", 200.0, "WHO", Map.of("en", "NDMA in drinking water 200 times the WHO value",
                        "ru", "НДМА в питьевой воде", "kk", "Ауыз судағы НДМА"), Map.of("en", "A sample taken on 20 Nov 2026."),
                        Map.of("en", "Do not drink the water of this well."), 3, judgedAt.plusSeconds(1)));
    }

    @Test
    void everyEventRecordIsExercised() {
        Set<Class<?>> exercised = everyEvent().map(Object::getClass).collect(Collectors.toSet());
        assertThat(exercised).containsExactlyInAnyOrder(SteppeWatchEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void serialisedEventIsValidAgainstItsPublishedSchema(SteppeWatchEvent event) {
        String json = EventJson.write(event);

        assertThat(problems(event.eventType(), json)).as(json).isEmpty();
    }

    @Test
    void everyContaminationRecordIsExercised() {
        Set<Class<?>> exercised = everyContaminationEvent().map(Object::getClass).collect(Collectors.toSet());
        assertThat(exercised).containsExactlyInAnyOrder(ContaminationEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyContaminationEvent")
    void serialisedContaminationEventIsValidAgainstItsPublishedSchema(ContaminationEvent event) {
        String json = EventJson.write(event);

        assertThat(problems(event.eventType(), json)).as(json).isEmpty();
    }

    @Test
    void aComparisonWithAnUnknownOutcomeOrANoticeRatedExtremeFailsValidation() {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(everyContaminationEvent()
                .filter(ResultJudged.class::isInstance).findFirst().orElseThrow()));
        ((ObjectNode) tree.get("comparisons").get(0)).put("outcome", "EXCEEDED");
        ((ObjectNode) tree.get("notice")).put("severity", "Extreme");

        assertThat(problems(EventTypes.RESULT_JUDGED, tree.toString()))
                .anyMatch(m -> m.getInstanceLocation().toString().contains("outcome"))
                .anyMatch(m -> m.getInstanceLocation().toString().contains("severity"));
    }

    @Test
    void aFacilityJudgementWithoutItsVersionOrAReleaseToAnUnknownMediumFailsValidation() {
        ObjectNode judged = (ObjectNode) EventJson.mapper().readTree(EventJson.write(everyContaminationEvent()
                .filter(FacilityJudged.class::isInstance).findFirst().orElseThrow()));
        judged.remove("facilityVersion");
        ObjectNode reported = (ObjectNode) EventJson.mapper().readTree(EventJson.write(everyContaminationEvent()
                .filter(FacilityReported.class::isInstance).findFirst().orElseThrow()));
        ((ObjectNode) reported.get("releases").get(0)).put("medium", "groundwater");

        assertThat(problems(EventTypes.FACILITY_JUDGED, judged.toString())).anyMatch(m -> m.getMessage().contains("facilityVersion"));
        assertThat(problems(EventTypes.FACILITY_REPORTED, reported.toString()))
                .anyMatch(m -> m.getInstanceLocation().toString().contains("medium"));
    }

    @Test
    void everyEventTypeHasASchemaWithIdTitleAndDescription() {
        for (String type : Stream.concat(eventTypes().stream(), contaminationTypes().stream()).toList()) {
            String text = resource("schemas/" + type + ".schema.json");
            ObjectNode schema = (ObjectNode) EventJson.mapper().readTree(text);
            assertThat(schema.path("$schema").asString()).as(type).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asString()).as(type).endsWith("/" + type + ".schema.json");
            assertThat(schema.path("title").asString()).as(type).contains(type);
            assertThat(schema.path("description").asString()).as(type).isNotBlank();
            assertThat(schema.path("additionalProperties").asBoolean()).as(type + " tolerates new fields").isTrue();
        }
    }

    @Test
    void payloadMissingARequiredFieldFailsValidation() {
        ObjectNode tree = tree(event(IncidentReported.class));
        ((ObjectNode) tree.get("facts")).remove("location");

        assertThat(problems(EventTypes.INCIDENT_REPORTED, tree.toString()))
                .anyMatch(m -> m.getMessage().contains("location"));
    }

    @Test
    void payloadWithAnUnknownSeverityFailsValidation() {
        ObjectNode tree = tree(event(AlertIssued.class));
        tree.put("severity", "Catastrophic");

        assertThat(problems(EventTypes.ALERT_ISSUED, tree.toString()))
                .anyMatch(m -> m.getMessage().contains("severity"));
    }

    @Test
    void geometryWithoutCoordinatesFailsValidation() {
        ObjectNode tree = tree(event(IncidentAssessed.class));
        ((ObjectNode) tree.at("/incident/location")).remove("coordinates");
        ArrayNode zones = (ArrayNode) tree.get("hazardZones");
        ((ObjectNode) zones.get(0)).put("geometry", "POLYGON((63 46, 63.1 46, 63 46.1, 63 46))");

        assertThat(problems(EventTypes.INCIDENT_ASSESSED, tree.toString()))
                .anyMatch(m -> m.getMessage().contains("coordinates"))
                .anyMatch(m -> m.getInstanceLocation().toString().contains("hazardZones"));
    }

    @Test
    void fieldsAddedByANewerProducerAreAccepted() {
        ObjectNode tree = tree(event(IncidentRetracted.class));
        tree.put("retractedBy", "analyst-7");

        assertThat(problems(EventTypes.INCIDENT_RETRACTED, tree.toString())).isEmpty();
    }

    @Test
    void eventsWrittenBeforeReportersWereRecordedStayValid() {
        for (Class<? extends SteppeWatchEvent> type : List.of(IncidentReported.class, IncidentRevised.class,
                IncidentRetracted.class, IncidentAssessed.class, AssessmentWithdrawn.class)) {
            String eventType = event(type).eventType();
            ObjectNode tree = tree(event(type));
            assertThat(tree.get("reportedBy").isObject()).as(eventType).isTrue();
            tree.remove("reportedBy");

            assertThat(problems(eventType, tree.toString())).as(eventType).isEmpty();
            assertThat(EventJson.read(tree.toString(), type).toString()).as(eventType).containsPattern("reportedBy=null(]|, )");
        }
    }

    @Test
    void reportedByWithoutItsSubjectOrWithANonBooleanIssuerFlagFailsValidation() {
        ObjectNode tree = tree(event(IncidentRevised.class));
        ((ObjectNode) tree.get("reportedBy")).remove("subject");
        ((ObjectNode) tree.get("reportedBy")).put("mayIssue", "yes");

        assertThat(problems(EventTypes.INCIDENT_REVISED, tree.toString()))
                .anyMatch(m -> m.getMessage().contains("subject"))
                .anyMatch(m -> m.getInstanceLocation().toString().contains("mayIssue"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDocumentDescribesEveryTopicAndReferencesEverySchema() {
        String text = resource("asyncapi.yaml");
        Map<String, Object> doc = new Yaml().load(text);

        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Object> channels = (Map<String, Object>) doc.get("channels");
        assertThat(channels.values()).extracting(c -> ((Map<String, Object>) c).get("address"))
                .containsExactlyInAnyOrder(Topics.INCIDENTS, Topics.ASSESSMENTS, Topics.ALERTS, Topics.REFERENCE,
                        Topics.CONTAMINATION, Topics.FINDINGS, Topics.NOTICES);
        Map<String, Object> local = (Map<String, Object>) ((Map<String, Object>) doc.get("servers")).get("local");
        assertThat(local).containsEntry("host", "localhost:9092").containsEntry("protocol", "kafka");

        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> messages = (Map<String, Object>) components.get("messages");
        Map<String, String> payloadByType = messages.values().stream()
                .map(m -> (Map<String, Object>) m)
                .collect(Collectors.toMap(m -> (String) m.get("name"),
                        m -> (String) ((Map<String, Object>) m.get("payload")).get("$ref")));
        for (String type : Stream.concat(eventTypes().stream(), contaminationTypes().stream()).toList()) {
            assertThat(payloadByType).containsEntry(type, "./schemas/" + type + ".schema.json");
        }

        Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("CloudEventHeaders");
        assertThat((List<String>) headers.get("required")).containsExactlyInAnyOrder(EventHeaders.SPEC_VERSION, EventHeaders.ID,
                EventHeaders.SOURCE, EventHeaders.TYPE, EventHeaders.TIME, EventHeaders.SUBJECT, EventHeaders.CONTENT_TYPE);
        assertThat(text).contains("De-duplicate on the ce_id header").contains("Skip (do not fail on) ce_type values");
    }

    @Test
    void asyncApiPlacesEachMessageOnTheTopicItsRecordNames() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(resource("asyncapi.yaml")).get("channels");
        Stream.concat(everyEvent().map(e -> List.of(e.topic(), e.eventType(), e.getClass().getSimpleName())),
                everyContaminationEvent().map(e -> List.of(e.topic(), e.eventType(), e.getClass().getSimpleName()))).forEach(event -> {
            Map<String, Object> channel = channels.values().stream()
                    .filter(c -> event.get(0).equals(c.get("address"))).findFirst().orElseThrow();
            assertThat(channel.get("messages").toString()).as(event.get(1))
                    .contains("#/components/messages/" + Character.toLowerCase(event.get(2).charAt(0)) + event.get(2).substring(1));
        });
    }

    private static Set<ValidationMessage> problems(String type, String json) {
        JsonSchema schema = FACTORY.getSchema(resource("schemas/" + type + ".schema.json"), InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON);
    }

    private static SteppeWatchEvent event(Class<? extends SteppeWatchEvent> type) {
        return everyEvent().filter(type::isInstance).findFirst().orElseThrow();
    }

    private static ObjectNode tree(SteppeWatchEvent event) {
        return (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
    }

    /** The public incident event types: every type constant but the operational, reference and contamination ones. */
    private static List<String> eventTypes() {
        List<String> all = typeConstants();
        List<String> operational = all.stream().filter(t -> EventTypes.operationalRecordFor(t).isPresent()).toList();
        assertThat(operational).containsExactlyInAnyOrder("org.steppewatch.delivery.exhausted.v1",
                "org.steppewatch.endpoint.disabled.v1");
        // the reference data's chunks are no incident's events: ReferenceEventSchemaTest checks them
        List<String> types = all.stream().filter(t -> !operational.contains(t) && !t.equals(EventTypes.REFERENCE_PUBLISHED)
                        && !contaminationTypes().contains(t))
                .toList();
        assertThat(types).hasSize(7).allSatisfy(t -> assertThat(EventTypes.recordFor(t)).isPresent());
        return types;
    }

    /** The public contamination event types (contamination.v1, findings.v1, notices.v1). */
    private static List<String> contaminationTypes() {
        List<String> types = typeConstants().stream().filter(t -> EventTypes.contaminationRecordFor(t).isPresent()).toList();
        assertThat(types).containsExactlyInAnyOrder("org.steppewatch.result.recorded.v1", "org.steppewatch.result.judged.v1",
                "org.steppewatch.facility.reported.v1", "org.steppewatch.facility.judged.v1", "org.steppewatch.notice.issued.v1");
        return types;
    }

    private static List<String> typeConstants() {
        return Arrays.stream(EventTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(BASE + name)) {
            assertThat(in).as(BASE + name + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
