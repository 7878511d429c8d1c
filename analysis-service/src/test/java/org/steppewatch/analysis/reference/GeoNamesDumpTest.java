package org.steppewatch.analysis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementName;

class GeoNamesDumpTest {

    private static final String ATASU = String.join("\t", "1526041", "Zhangaarqa", "Zhangaarqa",
            "Atasu,Atasū,Zhanaarka,Жанаарка,Жаңаарқа,Атасу", "48.68659", "71.64469", "P", "PPLA2", "KZ", "", "12", "", "", "",
            "13184", "", "520", "Asia/Almaty", "2023-01-01");

    @Test
    void aPopulatedPlaceBecomesASettlementWithRussianAndKazakhNamesFromItsAlternates() {
        GeoNamesDump.Result result = GeoNamesDump.read(new StringReader(ATASU + "\n"));

        assertThat(result.settlements()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("gn:1526041");
            assertThat(s.name()).isEqualTo("Zhangaarqa");
            assertThat(s.nameRu()).isEqualTo("Жанаарка");
            assertThat(s.nameKk()).isEqualTo("Жаңаарқа");
            // every Latin and Cyrillic alternate is kept, once; the dump does not say their language
            assertThat(s.alternateNames()).containsExactly("Atasu", "Atasū", "Zhanaarka", "Атасу");
            assertThat(s.names()).contains(new SettlementName("Жанаарка", "ru"), new SettlementName("Жаңаарқа", "kk"),
                    new SettlementName("Атасу", null));
            assertThat(s.population()).isEqualTo(13184);
            assertThat(s.lat()).isEqualTo(48.68659);
            assertThat(s.lon()).isEqualTo(71.64469);
            assertThat(s.source()).contains("GeoNames", "CC BY 4.0");
        });
        assertThat(result.lines()).isEqualTo(1);
    }

    @Test
    void namesInScriptsThatAreNotKazakhRussianOrEnglishAreDroppedAndTheRestCapped() {
        StringBuilder many = new StringBuilder("阿塔苏,أتاسو");
        for (int i = 0; i < 40; i++) {
            many.append(",Atasu").append(i);
        }
        String line = ATASU.replace("Atasu,Atasū,Zhanaarka,Жанаарка,Жаңаарқа,Атасу", many.toString());

        Settlement s = GeoNamesDump.read(new StringReader(line)).settlements().get(0);

        assertThat(s.alternateNames()).hasSize(GeoNamesDump.MAX_ALTERNATES).startsWith("Atasu0")
                .noneMatch(n -> n.contains("阿") || n.contains("أ"));
    }

    @Test
    void placesThatAreNotLivingSettlementsAndMalformedLinesAreCountedNotImported() {
        String text = String.join("\n",
                ATASU.replace("\tPPLA2\t", "\tPPLX\t"),
                ATASU.replace("\tP\tPPLA2\t", "\tH\tLK\t"),
                ATASU.replace("48.68659", "north"),
                "too\tfew\tcolumns",
                "");

        GeoNamesDump.Result result = GeoNamesDump.read(new StringReader(text));

        assertThat(result.settlements()).isEmpty();
        assertThat(result.skipped()).containsEntry("not a living populated place (feature P.PPLX)", 1)
                .containsEntry("not a living populated place (feature H.LK)", 1).containsEntry("malformed line", 2);
        assertThat(result.examples()).containsExactly("line 3: latitude 'north' is not a number",
                "line 4: expected 19 tab-separated columns, found 3");
    }

    @Test
    void aLineWithAControlCharacterInANameIsSkippedAsMalformed() {
        String text = ATASU.replace("Zhangaarqa\tZhangaarqa", "Zhanga\u202Earqa\tZhangaarqa") + "\n"
                + ATASU.replace("Atasu,", "At\u0007asu,").replace("1526041", "1526042") + "\n";

        GeoNamesDump.Result result = GeoNamesDump.read(new StringReader(text));

        assertThat(result.settlements()).isEmpty();
        assertThat(result.examples()).containsExactly("line 1: a name contains the control character U+202E at position 6",
                "line 2: a name contains the control character U+0007 at position 2");
    }

    @Test
    void anOverlongFeatureCodeDoesNotBecomeAReasonOfItsOwn() {
        String text = ATASU.replace("\tPPLA2\t", "\t" + "X".repeat(5000) + "\t") + "\n";

        assertThat(GeoNamesDump.read(new StringReader(text)).skipped())
                .containsExactly(java.util.Map.entry("not a living populated place (feature ?)", 1));
    }

    @Test
    void scriptsAreToldApart() {
        assertThat(GeoNamesDump.isCyrillic("Жаңаарқа")).isTrue();
        assertThat(GeoNamesDump.isKazakh("Жаңаарқа")).isTrue();
        assertThat(GeoNamesDump.isKazakh("Жанаарка")).isFalse();
        assertThat(GeoNamesDump.isCyrillic("Atasu")).isFalse();
        assertThat(GeoNamesDump.isLatin("Atasū")).isTrue();
        assertThat(GeoNamesDump.isLatin("阿塔苏")).isFalse();
    }

    @Test
    void aNonLatinNameFallsBackToTheAsciiName() {
        String line = ATASU.replace("\tZhangaarqa\tZhangaarqa\t", "\tЖаңаарқа\tZhangaarqa\t");

        Settlement s = GeoNamesDump.read(new StringReader(line)).settlements().get(0);

        assertThat(s.name()).isEqualTo("Zhangaarqa");
    }
}
