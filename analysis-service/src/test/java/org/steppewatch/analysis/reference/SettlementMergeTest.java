package org.steppewatch.analysis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.georef.SettlementName;

class SettlementMergeTest {

    private static final List<Settlement> SHIPPED = SettlementCatalog.shipped().all();

    private static Settlement imported(String id, String name, String ru, double lon, double lat, long population) {
        return new Settlement(id, name, ru, null, lon, lat, population, "test import", population > 0 ? "test import" : "unknown", List.of());
    }

    @Test
    void anImportWithAShippedIdUpdatesItKeepingTheCuratedNames() {
        List<Settlement> merged = SettlementMerge.merge(SHIPPED, List.of(imported("gn:1521368", "Bayqongyr", "Байконыр", 63.31667, 45.61667, 76_000)));

        assertThat(merged).hasSize(SHIPPED.size());
        Settlement baikonur = merged.stream().filter(s -> s.id().equals("gn:1521368")).findFirst().orElseThrow();
        assertThat(baikonur.name()).isEqualTo("Baikonur");
        assertThat(baikonur.nameRu()).isEqualTo("Байконур");
        assertThat(baikonur.nameKk()).isEqualTo("Байқоңыр");
        assertThat(baikonur.population()).isEqualTo(76_000);
        assertThat(baikonur.alternateNames()).contains("Bayqongyr");
    }

    @Test
    void anImportAtAShippedSimpleMapsTownReplacesItSoThePlaceCountsOnce() {
        Settlement town = SHIPPED.stream().filter(s -> s.id().startsWith("sm:")).findFirst().orElseThrow();

        List<Settlement> merged = SettlementMerge.merge(SHIPPED, List.of(imported("gn:99", "Somewhere", null, town.lon() + 0.005,
                town.lat(), 0)));

        assertThat(merged).hasSize(SHIPPED.size());
        assertThat(merged).extracting(Settlement::id).doesNotContain(town.id()).contains("gn:99");
        Settlement replaced = merged.stream().filter(s -> s.id().equals("gn:99")).findFirst().orElseThrow();
        assertThat(replaced.population()).isEqualTo(town.population()); // the import had none
        assertThat(replaced.alternateNames()).contains(town.name());
        assertThat(replaced.source()).contains("replaces " + town.id());
    }

    @Test
    void anImportedDumpAddsItsNamesToTheShippedOnesWhichKeepTheirLanguages() {
        String zhangaarqa = String.join("\t", "1526041", "Zhangaarqa", "Zhangaarqa", "Atasu,Zhanaarka,Жанаарка,Жаңаарқа,Атасу",
                "48.68659", "71.64469", "P", "PPLA2", "KZ", "", "12", "", "", "", "13184", "", "520", "Asia/Almaty", "2023-01-01");
        List<Settlement> imported = GeoNamesDump.read(new java.io.StringReader(zhangaarqa)).settlements();

        Settlement atasu = SettlementMerge.merge(SHIPPED, imported).stream().filter(s -> s.id().equals("gn:1526041"))
                .findFirst().orElseThrow();

        // the shipped names (with their languages) first, then what the dump adds; each name once
        assertThat(atasu.names()).containsExactly(new SettlementName("Zhangaarqa", "en"), new SettlementName("Жанаарка", "ru"),
                new SettlementName("Жаңаарқа", "kk"), new SettlementName("Atasu", "en"), new SettlementName("Atasū", "en"),
                new SettlementName("Атасу", "ru"), new SettlementName("Zhanaarka", null));
        assertThat(atasu.alternateNames()).containsExactly("Atasu", "Atasū", "Атасу", "Zhanaarka");
    }

    @Test
    void aNewPlaceIsAdded() {
        List<Settlement> merged = SettlementMerge.merge(SHIPPED, List.of(imported("gn:98", "Far village", null, 80.0, 43.0, 120)));

        assertThat(merged).hasSize(SHIPPED.size() + 1);
    }
}
