package org.steppewatch.analysis.substance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.SubstanceCodes;

class SubstanceTableTest {

    private final SubstanceTable table = SubstanceTable.shipped();

    @Test
    void everySubstanceCodeOfTheContractsHasARow() {
        for (String code : SubstanceCodes.all().keySet()) {
            assertThat(table.find(code)).as(code).isPresent();
        }
        assertThat(table.size()).isEqualTo(SubstanceCodes.all().size());
        assertThat(table.find("udmh")).isPresent();
        assertThat(table.find("NOPE")).isEmpty();
    }

    @Test
    void udmhCarriesTheNrcAeglsOfDesignSection5AsVerified() {
        Substance udmh = table.find("UDMH").orElseThrow();

        assertThat(udmh.molecularWeight().value()).isEqualTo(60.10);
        assertThat(udmh.isVolatile()).isTrue();
        assertThat(udmh.aegl("AEGL-1")).get().satisfies(l -> {
            assertThat(l.status()).isEqualTo("not recommended");
            assertThat(l.ppm(60)).isEmpty();
        });
        assertThat(udmh.aegl("AEGL-2").orElseThrow().ppmByMinutes()).containsEntry(10, 18.0).containsEntry(30, 6.0)
                .containsEntry(60, 3.0).containsEntry(240, 0.75).containsEntry(480, 0.38);
        assertThat(udmh.aegl("AEGL-3").orElseThrow().ppmByMinutes()).containsEntry(10, 65.0).containsEntry(30, 22.0)
                .containsEntry(60, 11.0).containsEntry(240, 2.7).containsEntry(480, 1.4);
        assertThat(udmh.aegl("AEGL-3").orElseThrow().confidence()).isEqualTo("verified");
        assertThat(udmh.aegl("AEGL-3").orElseThrow().source()).contains("NRC", "vol. 6", "2008");
        assertThat(table.limits("UDMH", "soil")).singleElement().satisfies(l -> {
            assertThat(l.value()).isEqualTo(0.1);
            assertThat(l.unit()).isEqualTo("mg/kg");
            assertThat(l.confidence()).isEqualTo("verified");
        });
        assertThat(table.limits("UDMH", "WATER")).singleElement().extracting(Limit::value).isEqualTo(0.02);
        assertThat(udmh.airborneFraction().confidence()).isEqualTo("assumption");
    }

    @Test
    void recalledValuesAreFlaggedUnverified() {
        Substance no2 = table.find("NO2").orElseThrow();

        assertThat(no2.aegl("AEGL-1").orElseThrow().ppm(60)).contains(0.5);
        assertThat(no2.aegl("AEGL-2").orElseThrow().ppm(60)).contains(12.0);
        assertThat(no2.aegl("AEGL-3").orElseThrow().ppm(60)).contains(20.0);
        assertThat(no2.aegl().values()).allSatisfy(l -> assertThat(l.confidence()).isEqualTo("unverified"));
        assertThat(table.limits("HG", "WATER")).singleElement().extracting(Limit::confidence).isEqualTo("unverified");
        assertThat(table.limits("PCB", "SOIL")).singleElement().extracting(Limit::confidence).isEqualTo("unverified");
    }

    @Test
    void theDesignLimitsAreThere() {
        assertThat(table.limits("NDMA", "WATER")).singleElement().extracting(Limit::value).isEqualTo(0.01);
        assertThat(table.limits("HG", "SOIL")).singleElement().extracting(Limit::value).isEqualTo(2.1);
        assertThat(table.limits("CS137", "SOIL")).singleElement().satisfies(l -> {
            assertThat(l.value()).isEqualTo(37.0);
            assertThat(l.unit()).isEqualTo("kBq/m²");
            assertThat(l.severeThreshold()).isEqualTo(555.0);
            assertThat(l.steps()).extracting(Limit.Step::from).containsExactly(37.0, 185.0, 555.0, 1480.0);
        });
    }

    @Test
    void n2o4IsModelledAsNo2AndTheNonVolatilesHaveNoPlume() {
        assertThat(table.find("N2O4").orElseThrow().plumeAs().value()).isEqualTo("NO2");
        for (String code : new String[] {"KEROSENE", "HG", "PCB", "CS137"}) {
            Substance s = table.find(code).orElseThrow();
            assertThat(s.isVolatile()).as(code).isFalse();
            assertThat(s.hasAeglValues()).as(code).isFalse();
            assertThat(s.volatileFlag().source()).as(code).isNotBlank();
        }
    }

    @Test
    void everyValueHasASourceAndAKnownConfidence() {
        for (Substance s : table.all()) {
            assertThat(s.molecularWeight().source()).as(s.code()).isNotBlank();
            assertThat(SubstanceTable.CONFIDENCES).as(s.code()).contains(s.molecularWeight().confidence(), s.volatileFlag().confidence());
            s.limits().forEach(l -> assertThat(SubstanceTable.CONFIDENCES).contains(l.confidence()));
            s.aegl().values().forEach(l -> assertThat(l.source()).isNotBlank());
        }
        assertThat(table.version()).matches("sha256:[0-9a-f]{16}");
    }

    @Test
    void aTableWithAnUnknownCodeOrAMissingSourceDoesNotLoad() {
        assertThatThrownBy(() -> SubstanceTable.read("""
                {"substances": [{"code": "UNOBTAINIUM", "name": "x", "volatile": {"value": false, "source": "s", "confidence": "assumption"}}]}
                """.getBytes(UTF_8), "t.json")).hasMessageContaining("UNOBTAINIUM");
        assertThatThrownBy(() -> SubstanceTable.read("""
                {"substances": [{"code": "HG", "name": "Mercury", "volatile": {"value": false, "source": "s", "confidence": "assumption"},
                  "limits": [{"medium": "SOIL", "value": 2.1, "unit": "mg/kg", "confidence": "verified"}]}]}
                """.getBytes(UTF_8), "t.json")).hasMessageContaining("source");
        assertThatThrownBy(() -> SubstanceTable.read("""
                {"substances": [{"code": "HG", "name": "Mercury", "volatile": {"value": false, "source": "s", "confidence": "sure"}}]}
                """.getBytes(UTF_8), "t.json")).hasMessageContaining("confidence");
        assertThatThrownBy(() -> SubstanceTable.read("""
                {"substances": [{"code": "NO2", "name": "x", "volatile": {"value": true, "source": "s", "confidence": "assumption"},
                  "airborneFraction": {"value": 1, "source": "s", "confidence": "assumption"},
                  "releaseDurationMinutes": {"value": 60, "source": "s", "confidence": "assumption"},
                  "aegl": {"AEGL-2": {"ppm": {"45": 3}, "source": "s", "confidence": "verified"}}}]}
                """.getBytes(UTF_8), "t.json")).hasMessageContaining("45 min");
    }
}
