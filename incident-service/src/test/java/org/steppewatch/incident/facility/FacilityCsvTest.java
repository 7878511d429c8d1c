package org.steppewatch.incident.facility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steppewatch.web.FieldProblem;

/** Reading the release CSV: lines are the file's, whatever its quoting; what cannot be read is named. */
class FacilityCsvTest {

    private static final String HEADER = "facility_id,facility_name,operator,activity,lat,lon,example,source,year,"
            + "pollutant,medium,amount_kg,method\n";

    @Test
    void aQuotedCellOverTwoLinesDoesNotShiftTheLinesOfLaterRows() {
        FacilityCsv.Parsed parsed = FacilityCsv.parse("\uFEFF" + HEADER
                + "fac-a,\"Plant\nnorth\",Op,,50,72,,src,2023,HG,air,1,E\n"
                + "\n"
                + "fac-b,Plant,Op,,50,72,yes,src,20x3,HG,air,1 000,E\n");

        assertThat(parsed.rows()).extracting(FacilityCsv.Row::line).containsExactly(2, 5);
        assertThat(parsed.problems()).extracting(FieldProblem::field)
                .containsExactly("line 5: amount_kg", "line 5: year", "line 5: example");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAtItsHeader() {
        FacilityCsv.Parsed parsed = FacilityCsv.parse("facility_id,year,pollutant\nfac-a,2023,HG\n");

        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("line 1: header");
            assertThat(p.message()).contains("medium, amount_kg");
        });
    }

    @Test
    void anUnclosedQuoteInTheHeaderLineIsNamedAsInvalidCsvNotAServerError() {
        // found by ContaminationHostileInputTest: commons-csv reports it as a CSVException (an IOException)
        FacilityCsv.Parsed parsed = FacilityCsv.parse("\"facility_id,year,pollutant,medium,amount_kg\nfac-a,2023,HG,air,1\n");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("file");
            assertThat(p.message()).startsWith("is not valid CSV");
        });
    }
}
