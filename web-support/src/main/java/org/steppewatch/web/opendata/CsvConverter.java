package org.steppewatch.web.opendata;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpOutputMessage;

/**
 * Writes an {@link OpenDataList} as {@code text/csv} (RFC 4180, UTF-8): a header row of the column names, a record
 * per row, and two last columns that carry the licence and the attribution in every record, so the file keeps them
 * wherever it is copied and still opens in every CSV reader (a comment line would not). The first row's columns
 * name the file's columns; a list without rows is an empty file.
 */
final class CsvConverter extends WriteOnlyConverter {

    CsvConverter(OpenDataProperties properties, Clock clock) {
        super(properties, clock, UTF_8, OpenDataFile.CSV);
    }

    @Override
    protected void writeInternal(OpenDataList list, HttpOutputMessage output) throws IOException {
        OpenDataFile file = OpenDataFile.of(list, properties, clock.instant());
        file.addHeaders(output.getHeaders(), "csv");
        Writer writer = new BufferedWriter(new OutputStreamWriter(output.getBody(), UTF_8));
        CsvWriter csv = new CsvWriter(writer);
        List<? extends OpenDataRow> rows = list.rows();
        if (!rows.isEmpty()) {
            List<String> names = new ArrayList<>(rows.get(0).columns().keySet());
            List<Object> header = new ArrayList<>(names);
            header.add(OpenDataFile.LICENCE_COLUMN);
            header.add(OpenDataFile.ATTRIBUTION_COLUMN);
            csv.record(header);
            String attribution = file.attribution();
            for (OpenDataRow row : rows) {
                Map<String, Object> columns = row.columns();
                List<Object> values = new ArrayList<>(names.size() + 2);
                names.forEach(name -> values.add(Cells.plain(columns.get(name))));
                values.add(file.licence());
                values.add(attribution);
                csv.record(values);
            }
        }
        writer.flush();
    }
}
