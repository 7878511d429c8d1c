package org.steppewatch.notification.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.notification.reference.CurrentSettlements;

/** Finding one's town the way people type it, in three languages and two alphabets. */
class SettlementSearchTest {

    private static final SettlementSearch SEARCH = new SettlementSearch(new CurrentSettlements());

    private static List<String> names(String query) {
        return SEARCH.find(query, 10).stream().map(SettlementSearch.Hit::name).toList();
    }

    @Test
    void baikonurIsFoundByItsKazakhRussianAndEnglishNames() {
        assertThat(names("Байқоңыр")).first().isEqualTo("Baikonur");
        assertThat(names("Байконур")).first().isEqualTo("Baikonur");
        assertThat(names("baikonur")).first().isEqualTo("Baikonur");
        // typed on a Russian keyboard, without the Kazakh letters
        assertThat(names("Байконыр")).first().isEqualTo("Baikonur");
    }

    @Test
    void theBeginningOfANameIsEnoughAndLargerPlacesComeFirst() {
        assertThat(SEARCH.find("Жезқаз", 5)).first().satisfies(hit -> assertThat(hit.nameRu()).isEqualTo("Жезказган"));
        assertThat(SEARCH.find("Жезказ", 5)).first().satisfies(hit -> assertThat(hit.nameRu()).isEqualTo("Жезказган"));
        assertThat(SEARCH.find("Zhezkaz", 5)).first().satisfies(hit -> assertThat(hit.nameRu()).isEqualTo("Жезказган"));
        List<SettlementSearch.Hit> kara = SEARCH.find("Кара", 10);
        assertThat(kara.get(0).nameRu()).isEqualTo("Караганда");
        // names that start with the text, largest first, before names that only contain it (Житикара)
        List<SettlementSearch.Hit> starting = kara.stream().takeWhile(h -> h.nameRu() != null && h.nameRu().startsWith("Кара")).toList();
        assertThat(starting).hasSizeGreaterThan(2)
                .isSortedAccordingTo((a, b) -> Long.compare(b.population(), a.population()));
        assertThat(kara.subList(starting.size(), kara.size())).noneMatch(h -> h.nameRu() != null && h.nameRu().startsWith("Кара"));
    }

    @Test
    void transliterationVariantsAndAlternateNamesFindTheSamePlace() {
        assertThat(names("Qaraghandy")).first().isEqualTo(names("Karaganda").get(0));
        // SimpleMaps' Atasu is GeoNames' Zhangaarqa
        assertThat(SEARCH.find("Atasu", 5)).first().satisfies(hit -> assertThat(hit.nameKk()).isEqualTo("Жаңаарқа"));
    }

    @Test
    void atasuIsFoundByEachNameItGoesBy() {
        for (String name : List.of("Atasu", "atasū", "Атасу", "АТАСУ", "Zhangaarqa", "Жанаарка", "Жаңаарқа", "Жанаарқа")) {
            assertThat(SEARCH.find(name, 5)).as(name).first().satisfies(hit -> {
                assertThat(hit.id()).isEqualTo("gn:1526041");
                assertThat(hit.alternateNames()).contains("Atasu", "Атасу");
            });
        }
        // a former name: Джезказган for Zhezkazgan, Алма-Ата for Almaty; Toretam for Tyuratam
        assertThat(names("Джезказган")).first().isEqualTo("Zhezqazghan");
        assertThat(names("Алма-Ата")).first().isEqualTo("Almaty");
        assertThat(names("Toretam")).first().isEqualTo("Tyuratam");
    }

    @Test
    void eachHitNamesItsRegionInThreeLanguages() {
        SettlementSearch.Hit baikonur = SEARCH.find("Baikonur", 1).get(0);
        assertThat(baikonur.id()).isEqualTo("gn:1521368");
        assertThat(baikonur.population()).isEqualTo(70_000);
        assertThat(baikonur.region().name()).isEqualTo("Kyzylorda Region");
        assertThat(baikonur.region().nameKk()).isEqualTo("Қызылорда облысы");
        assertThat(baikonur.region().nameRu()).isEqualTo("Кызылординская область");
        assertThat(SEARCH.all()).hasSizeGreaterThan(200).allSatisfy(hit -> assertThat(hit.region()).isNotNull());
    }

    @Test
    void nonsenseFindsNothingAndTheLimitHolds() {
        assertThat(names("Xyzzyqwerty")).isEmpty();
        assertThat(names("  ")).isEmpty();
        assertThat(SEARCH.find("а", 3)).hasSizeLessThanOrEqualTo(3);
        assertThat(SEARCH.find("а", 10_000)).hasSizeLessThanOrEqualTo(SettlementSearch.MAX_RESULTS);
    }
}
