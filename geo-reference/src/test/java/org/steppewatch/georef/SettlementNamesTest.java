package org.steppewatch.georef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every name a place is known by, once, with its language where the source gives one. */
class SettlementNamesTest {

    private static final SettlementCatalog CATALOG = SettlementCatalog.shipped();

    @Test
    void atasuIsFoundByEachOfItsNames() {
        // GeoNames calls it Zhangaarqa (Жанаарка, Жаңаарқа); SimpleMaps and the 1999 reports Atasu (Атасу)
        for (String name : List.of("Atasu", "ATASU", "Atasū", "Атасу", "атасу", "Zhangaarqa", "Жанаарка", "Жаңаарқа")) {
            assertThat(CATALOG.findByName(name)).as(name).singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo("gn:1526041"));
        }
        Settlement atasu = CATALOG.byId("gn:1526041").orElseThrow();
        assertThat(atasu.names()).containsExactly(
                new SettlementName("Zhangaarqa", "en"), new SettlementName("Жанаарка", "ru"),
                new SettlementName("Жаңаарқа", "kk"), new SettlementName("Atasu", "en"),
                new SettlementName("Atasū", "en"), new SettlementName("Атасу", "ru"));
        // the accessors of before still answer
        assertThat(atasu.name()).isEqualTo("Zhangaarqa");
        assertThat(atasu.nameRu()).isEqualTo("Жанаарка");
        assertThat(atasu.alternateNames()).containsExactly("Atasu", "Atasū", "Атасу");
    }

    @Test
    void formerNamesFromGeoNamesFindTheTown() {
        assertThat(CATALOG.findByName("Джезказган")).extracting(Settlement::id).containsExactly("gn:1516589");
        assertThat(CATALOG.findByName("Алма-Ата")).extracting(Settlement::name).containsExactly("Almaty");
        assertThat(CATALOG.findByName("Toretam")).extracting(Settlement::name).containsExactly("Tyuratam");
        assertThat(CATALOG.byId("gn:1519948").orElseThrow().names()).contains(new SettlementName("Қапшағай", "kk"));
    }

    @Test
    void akaiBesideBaikonurIsASettlementOfItsOwn() {
        // ru-Wikipedia: 45°36′43″N 63°16′17″E, immediately west of Baikonur town
        assertThat(CATALOG.findByName("Акай")).singleElement().satisfies(akai -> {
            assertThat(akai.id()).isEqualTo("dp:akai");
            assertThat(akai.nameRu()).isEqualTo("Акай"); // the domain list has Latin names only
            assertThat(akai.lat()).isEqualTo(45.61194);
            assertThat(akai.lon()).isEqualTo(63.27139);
        });
        assertThat(CATALOG.findByName("Akay")).hasSize(1);
    }

    @Test
    void aNameIsKeptOnceAndAnUntaggedOneTakesTheLanguageAnotherSourceGives() {
        Settlement s = new Settlement("x:1", "Aul", "Аул", null, 63, 46, 0, "test", "unknown",
                List.of("AUL", "Awyl", "Ауыл"), List.of(new SettlementName("Ауыл", "kk"), new SettlementName("awyl", null)));
        assertThat(s.names()).containsExactly(new SettlementName("Aul", "en"), new SettlementName("Аул", "ru"),
                new SettlementName("Ауыл", "kk"), new SettlementName("awyl", null));
        assertThat(s.alternateNames()).containsExactly("Ауыл", "awyl");
        // the constructor of before: alternate names without a language
        Settlement old = new Settlement("x:2", "Aul", null, null, 63, 46, 0, "test", "unknown", List.of("Awyl"));
        assertThat(old.names()).containsExactly(new SettlementName("Aul", "en"), new SettlementName("Awyl", null));
        assertThat(old.withName(new SettlementName("Awyl", "en")).names()).containsExactly(
                new SettlementName("Aul", "en"), new SettlementName("Awyl", "en"));
        // a Russian name fills a missing nameRu; one that is there stays
        assertThat(old.withName(new SettlementName("Аул", "ru")).nameRu()).isEqualTo("Аул");
        assertThat(s.withName(new SettlementName("Аульный", "ru")).nameRu()).isEqualTo("Аул");
    }

    @Test
    void aLanguageIsAnIsoCode() {
        assertThatThrownBy(() -> new SettlementName("Aul", "Kazakh")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettlementName(" ", "kk")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SettlementName(" Aul ", "").language()).isNull();
    }
}
