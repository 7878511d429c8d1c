package org.steppewatch.analysis.substance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
            assertThat(l.regime()).isEqualTo("KZ_MPC");
            assertThat(l.status()).isEqualTo("primary_report");
            assertThat(l.confidence()).isEqualTo("verified");
            assertThat(l.legalInstrument()).contains("Yu-24");
            assertThat(l.source()).contains("SRC_YU24_PASSPORT2002", "SRC_KAZTAG2013");
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
        assertThat(table.limits("HG", "WATER")).filteredOn(l -> l.regime().equals("KZ_MPC")).singleElement()
                .extracting(Limit::confidence).isEqualTo("unverified");
        // a news article's figure (status secondary) is not verified either
        assertThat(table.limits("PCB", "SOIL")).singleElement().extracting(Limit::confidence).isEqualTo("unverified");
    }

    @Test
    void theDesignLimitsAreThere() {
        assertThat(table.limits("NDMA", "WATER")).singleElement().extracting(Limit::value).isEqualTo(0.01);
        // the table names the USSR list 6229-91, not a Kazakh instrument: the regime is SU_MPC
        assertThat(table.limits("HG", "SOIL")).singleElement().satisfies(l -> {
            assertThat(l.value()).isEqualTo(2.1);
            assertThat(l.regime()).isEqualTo("SU_MPC");
        });
        // the 1991 Chernobyl compensation zoning does not apply in Kazakhstan: no Cs-137 ground limit
        assertThat(table.limits("CS137", "SOIL")).isEmpty();
    }

    @Test
    void everyLimitValueOfTheTableIsLoadedWithItsRegimeAndTheReportingThresholdsAreKeptApart() {
        // limit_values.csv: 56 rows = 17 E-PRTR thresholds + 5 without a value + 1 intake guideline + 33 sample limits
        long fromTable = table.all().stream().flatMap(s -> s.limits().stream()).filter(l -> l.source().contains("DATA-SOURCES.md")).count();
        assertThat(fromTable).isEqualTo(33);
        assertThat(table.reportingThresholds()).hasSize(17).allSatisfy(t -> assertThat(t.unit()).isEqualTo("kg/year"));
        assertThat(table.reportingThresholds()).filteredOn(t -> t.substance().equals("HG") && t.medium().equals("LAND"))
                .singleElement().extracting(ReportingThreshold::value).isEqualTo(1.0);
        assertThat(table.limitGaps()).hasSize(5).anySatisfy(g -> assertThat(g).startsWith("CODEX HG in FISH"));
        assertThat(table.notSampleLimits()).singleElement().asString().startsWith("WHO_JECFA MEHG");
        assertThat(table.all().stream().flatMap(s -> s.limits().stream())).noneMatch(l -> l.regime().startsWith("EU_EPRTR"));
    }

    @Test
    void mediaAreMappedToTheProjectsCodesAndUnitsToTheVocabularysSymbols() {
        assertThat(table.limits("PB", "DRINKING_WATER")).extracting(Limit::regime, Limit::value, Limit::unit)
                .containsExactlyInAnyOrder(tuple("EU", 10.0, "µg/L"), tuple("EU", 5.0, "µg/L"), tuple("WHO", 0.01, "mg/L"),
                        tuple("US_EPA", 0.015, "mg/L"));
        assertThat(table.limits("NDL_PCB", "MILK")).singleElement().extracting(Limit::unit).isEqualTo("ng/g fat");
        assertThat(table.limits("CS137", "FISH")).singleElement().extracting(Limit::regime).isEqualTo("EAEU_TR_TS");
    }

    @Test
    void limitTermsDateTheHistoricalValuesAndNameTheScopes() {
        Limit dioxins = table.limits("DIOXINS", "MILK").get(0);
        assertThat(dioxins.validUntil()).isEqualTo(java.time.LocalDate.of(2023, 1, 1));
        assertThat(dioxins.inForceOn(java.time.LocalDate.of(2016, 5, 1))).isTrue();
        assertThat(dioxins.inForceOn(java.time.LocalDate.of(2023, 1, 1))).isFalse();
        assertThat(table.limits("HG", "FISH")).extracting(Limit::appliesTo).allSatisfy(a -> assertThat(a).isNotBlank());
        assertThatThrownBy(() -> SubstanceTable.read("""
                {"substances": [{"code": "HG", "name": "Mercury", "volatile": {"value": false, "source": "s", "confidence": "assumption"},
                  "limits": [{"medium": "SOIL", "regime": "SU_MPC", "value": 2.1, "unit": "mg/kg", "source": "s", "confidence": "verified"}]}],
                 "limitTerms": [{"regime": "SU_MPC", "substance": "HG", "medium": "SOIL", "value": 2.2, "validUntil": "2000-01-01", "why": "w"}]}
                """.getBytes(UTF_8), "t.json")).hasMessageContaining("matches 0 limits");
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
            if (s.molecularWeight() != null) { // mixtures and sums of congeners have none
                assertThat(s.molecularWeight().source()).as(s.code()).isNotBlank();
                assertThat(SubstanceTable.CONFIDENCES).as(s.code()).contains(s.molecularWeight().confidence());
            }
            assertThat(SubstanceTable.CONFIDENCES).as(s.code()).contains(s.volatileFlag().confidence());
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
                  "limits": [{"medium": "SOIL", "regime": "SU_MPC", "value": 2.1, "unit": "mg/kg", "confidence": "verified"}]}]}
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
