package org.steppewatch.notification.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.notification.cap.xml.Alert;

/** Alert, Update and Cancel for the 2013 Proton-M failure, each validated against the OASIS CAP 1.2 schema. */
class CapComposerTest {

    private static final Instant SENT = Instant.parse("2013-07-02T03:12:30.456Z");
    private final CapComposer composer = new CapComposer(new CapProperties("alerts@steppewatch.example",
            ZoneOffset.ofHours(5), Duration.ofHours(24), 100));

    private CapComposer.Composed compose(String id, String msgType, List<String> references, String reason) throws Exception {
        CapComposer.Composed composed = composer.compose(new CapComposer.Message(id, msgType, SENT,
                SENT.plus(Duration.ofHours(24)), references, CapFixtures.proton("inc-proton-2013", 1), reason,
                "http://localhost:8083/api/v1/alerts/" + id));
        CapSchema.assertValid(composed.xml());
        // kept for the documentation (docs/alerts.md shows one)
        Path samples = Path.of("target", "cap-samples");
        Files.createDirectories(samples);
        Files.writeString(samples.resolve(msgType.toLowerCase() + ".xml"), composed.xml());
        return composed;
    }

    @Test
    void anAlertIsValidCapWithOneInfoPerLanguageAndNoZInItsTimes() throws Exception {
        String xml = compose("a1", CapComposer.ALERT, List.of(), null).xml();
        Alert alert = CapXml.get().read(xml);

        assertThat(alert.getIdentifier()).isEqualTo("a1");
        assertThat(alert.getSender()).isEqualTo("alerts@steppewatch.example");
        assertThat(xml).contains("<sent>2013-07-02T08:12:30+05:00</sent>");
        assertThat(alert.getStatus()).isEqualTo("Actual");
        assertThat(alert.getMsgType()).isEqualTo("Alert");
        assertThat(alert.getScope()).isEqualTo("Public");
        assertThat(alert.getReferences()).isNull();
        assertThat(alert.getIncidents()).isEqualTo("inc-proton-2013");
        assertThat(alert.getInfo()).extracting(Alert.Info::getLanguage).containsExactly("kk", "ru", "en");
        for (Alert.Info info : alert.getInfo()) {
            assertThat(info.getCategory()).containsExactly("CBRNE");
            assertThat(info.getResponseType()).containsExactly("Shelter");
            assertThat(info.getUrgency()).isEqualTo("Immediate");
            assertThat(info.getSeverity()).isEqualTo("Extreme");
            assertThat(info.getCertainty()).isEqualTo("Observed");
            assertThat(info.getExpires()).isEqualTo(SENT.plus(Duration.ofHours(24)).atOffset(ZoneOffset.ofHours(5)).withNano(0));
            assertThat(info.getParameter()).extracting(Alert.Info.Parameter::getValueName)
                    .contains("incidentId", "incidentVersion", "hazardLevel", "substances", "populationInHazardZones");
            assertThat(info.getParameter()).filteredOn(p -> p.getValueName().equals("hazardLevel"))
                    .extracting(Alert.Info.Parameter::getValue).containsExactly("AEGL-3");
        }
        Alert.Info kk = alert.getInfo().get(0);
        Alert.Info ru = alert.getInfo().get(1);
        Alert.Info en = alert.getInfo().get(2);
        assertThat(en.getHeadline()).isEqualTo("Extreme danger: Rocket launch failure near Tyuratam");
        assertThat(ru.getHeadline()).isEqualTo("Чрезвычайная опасность: Авария ракеты-носителя, район: Тюратам");
        assertThat(kk.getHeadline()).isEqualTo("Төтенше қауіп: Зымыран тасығыштың апаты, Төретам маңы");
        assertThat(kk.getEvent()).isEqualTo("Зымыран тасығыштың апаты");
        assertThat(kk.getDescription()).contains("Төретам (15000 тұрғын)").contains("1230 есе");
        assertThat(ru.getInstruction()).startsWith("Немедленно зайдите в помещение").contains("112");
        assertThat(en.getDescription()).contains("outside the designated drop zone RP-15, 182.4 km")
                .contains("UDMH (heptyl) may exceed 11 ppm over 60 minutes");
    }

    @Test
    void areasAreClosedLatLonRingsOfAtMostOneHundredPointsWithSettlementGeocodes() throws Exception {
        Alert alert = CapXml.get().read(compose("a1", CapComposer.ALERT, List.of(), null).xml());
        Alert.Info en = alert.getInfo().get(2);
        // AEGL-3, AEGL-2, AEGL-1 (two polygons), then the settlements
        assertThat(en.getArea()).hasSize(4);
        assertThat(en.getArea().get(0).getAreaDesc()).isEqualTo("Hazard zone AEGL-3 (red: danger to life), UDMH (heptyl)");
        assertThat(en.getArea().get(2).getPolygon()).hasSize(2);
        for (Alert.Info.Area area : en.getArea().subList(0, 3)) {
            for (String polygon : area.getPolygon()) {
                String[] pairs = polygon.split(" ");
                assertThat(pairs.length).isBetween(4, 100);
                assertThat(pairs[0]).isEqualTo(pairs[pairs.length - 1]);
                for (String pair : pairs) {
                    String[] latLon = pair.split(",");
                    // latitude first: these zones lie around 46° N, 63° E
                    assertThat(Double.parseDouble(latLon[0])).isBetween(45.0, 47.5);
                    assertThat(Double.parseDouble(latLon[1])).isBetween(62.5, 64.5);
                }
            }
        }
        // the 400-point AEGL-2 ring was simplified below the limit
        assertThat(en.getArea().get(1).getPolygon().get(0).split(" ").length).isLessThanOrEqualTo(100).isGreaterThan(10);
        Alert.Info.Area settlements = en.getArea().get(3);
        assertThat(settlements.getAreaDesc()).isEqualTo("Settlements inside hazard zones: Tyuratam");
        assertThat(settlements.getGeocode()).singleElement().satisfies(g -> {
            assertThat(g.getValueName()).isEqualTo("GeoNames");
            assertThat(g.getValue()).isEqualTo("9858283");
        });
    }

    @Test
    void anUpdateReferencesTheEarlierAlertBySenderIdentifierAndSent() throws Exception {
        String reference = composer.reference("a1", Instant.parse("2013-07-02T03:00:00Z"));
        assertThat(reference).isEqualTo("alerts@steppewatch.example,a1,2013-07-02T08:00:00+05:00");
        Alert update = CapXml.get().read(compose("a2", CapComposer.UPDATE, List.of(reference), null).xml());
        assertThat(update.getMsgType()).isEqualTo("Update");
        assertThat(update.getReferences()).isEqualTo(reference);
        assertThat(update.getInfo().get(2).getHeadline()).startsWith("Update. Extreme danger");
        assertThat(update.getInfo().get(1).getDescription()).contains("заменяет прежнее оповещение");
    }

    @Test
    void aCancelReferencesEveryEarlierMessageAndSaysAllClear() throws Exception {
        List<String> references = List.of(composer.reference("a1", Instant.parse("2013-07-02T03:00:00Z")),
                composer.reference("a2", Instant.parse("2013-07-02T04:00:00Z")));
        String xml = compose("c1", CapComposer.CANCEL, references, "duplicate report").xml();
        Alert cancel = CapXml.get().read(xml);
        assertThat(cancel.getMsgType()).isEqualTo("Cancel");
        assertThat(cancel.getReferences().split(" ")).containsExactlyElementsOf(references);
        assertThat(cancel.getInfo()).hasSize(3).allSatisfy(info -> {
            assertThat(info.getResponseType()).containsExactly("AllClear");
            assertThat(info.getUrgency()).isEqualTo("Past");
            assertThat(info.getSeverity()).isEqualTo("Minor");
        });
        assertThat(cancel.getInfo().get(2).getHeadline()).isEqualTo("Cancelled: Rocket launch failure: Tyuratam");
        assertThat(cancel.getInfo().get(0).getDescription()).startsWith("Бұл оқиғаның бағалауы кері қайтарылды (duplicate report)");
    }

    @Test
    void aContaminationNoticeGoesOutAsEnvWithTheUrgencyFutureOfTheEvent() throws Exception {
        IncidentAssessed p = CapFixtures.proton("inc-soil", 1);
        IncidentAssessed notice = new IncidentAssessed(p.incidentId(), p.incidentVersion(), p.assessmentId(), p.assessedAt(),
                p.referenceDataVersion(), p.incident(), p.fallZone(), List.of(), p.affectedSettlements().stream()
                        .map(s -> new IncidentAssessed.AffectedSettlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(),
                                s.distanceKm(), s.bearingDeg(), null)).toList(),
                List.of(new IncidentAssessed.Exceedance("UDMH", "SOIL", 123, 0.1, "mg/kg", 1230, "MPC", "KZ_MPC")),
                org.steppewatch.contracts.Severity.MODERATE, "Future", "Observed", p.summary(), null, null, IncidentAssessed.CONTAMINATION);

        CapComposer.Composed composed = composer.compose(new CapComposer.Message("n1", CapComposer.ALERT, SENT,
                SENT.plus(Duration.ofHours(24)), List.of(), notice, null, "http://localhost:8083/api/v1/alerts/n1"));

        CapSchema.assertValid(composed.xml());
        for (Alert.Info info : CapXml.get().read(composed.xml()).getInfo()) {
            assertThat(info.getCategory()).containsExactly("Env");
            assertThat(info.getUrgency()).isEqualTo("Future");
            assertThat(info.getCertainty()).isEqualTo("Observed");
            assertThat(info.getSeverity()).isEqualTo("Moderate");
            assertThat(info.getResponseType()).containsExactly("Avoid");
        }
    }

    @Test
    void controlCharactersFromAnEventNeverReachTheCapDocument() throws Exception {
        IncidentAssessed p = CapFixtures.proton("inc-proton-2013", 1);
        // as an event from elsewhere might carry them: NUL, an ANSI escape, a bidi override, a bell, a line break
        IncidentAssessed hostile = new IncidentAssessed(p.incidentId(), p.incidentVersion(), p.assessmentId(),
                p.assessedAt(), p.referenceDataVersion(),
                new IncidentAssessed.IncidentSummary("Proton\u0000\u001b[31m launch\u202E failure", p.incident().category(),
                        p.incident().occurredAt(), p.incident().location()),
                p.fallZone(), p.hazardZones(),
                List.of(new IncidentAssessed.AffectedSettlement(CapFixtures.TORETAM, "Tyu\u0007ratam\nBcc", "Тюратам\u2066",
                        "Төретам\u009b", 15000, 24.6, 40.0, "AEGL-2")),
                p.exceedances(), p.severity(), p.urgency(), p.certainty(), p.summary());

        CapComposer.Composed composed = composer.compose(new CapComposer.Message("a1", CapComposer.CANCEL, SENT,
                SENT.plus(Duration.ofHours(24)), List.of(), hostile, "dup\u0007licate\u202E", "http://localhost:8083/a1"));

        CapSchema.assertValid(composed.xml());
        Alert.Info en = CapXml.get().read(composed.xml()).getInfo().get(2);
        assertThat(en.getHeadline()).isEqualTo("Cancelled: Rocket launch failure: Tyuratam Bcc");
        assertThat(en.getDescription()).contains("(duplicate)").contains("Proton[31m launch failure");
        assertThat(composed.xml()).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]")
                .doesNotContain("&#");
        assertThat(composed.texts().values()).allSatisfy(t -> assertThat(t.headline()).doesNotContain("\n"));
    }

    @Test
    void utcIsWrittenAsPlusZeroZeroNeverZ() throws Exception {
        CapComposer utc = new CapComposer(new CapProperties("steppewatch", ZoneOffset.UTC, Duration.ofHours(1), 100));
        String xml = utc.compose(new CapComposer.Message("u1", CapComposer.ALERT, SENT, SENT.plusSeconds(3600), List.of(),
                CapFixtures.proton("inc-utc", 1), null, null)).xml();
        CapSchema.assertValid(xml);
        assertThat(xml).contains("<sent>2013-07-02T03:12:30+00:00</sent>").doesNotContain("30Z<");
    }

    @Test
    void theComposerRefusesToWriteInvalidCap() {
        Alert broken = new Alert();
        broken.setIdentifier("x");
        assertThatThrownBy(() -> CapXml.get().write(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid CAP 1.2");
        assertThatThrownBy(() -> new CapProperties("has space", ZoneOffset.UTC, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void polygonsAreSimplifiedButStayClosedRings() {
        List<String> rings = CapPolygons.of(CapFixtures.plume(35, 9, 1000), 50);
        assertThat(rings).hasSize(1);
        String[] pairs = rings.get(0).split(" ");
        assertThat(pairs.length).isBetween(4, 50);
        assertThat(pairs[0]).isEqualTo(pairs[pairs.length - 1]);
        assertThat(Arrays.stream(pairs).allMatch(p -> p.matches("-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?"))).isTrue();
    }
}
