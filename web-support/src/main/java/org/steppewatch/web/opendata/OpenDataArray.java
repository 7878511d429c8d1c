package org.steppewatch.web.opendata;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A list whose JSON is a plain array (as some lists always were), made downloadable: the array in JSON, a row per
 * item as open data.
 *
 * @param dataset the file name's dataset
 * @param items   what the JSON array holds
 * @param row     an item's open-data row
 */
public record OpenDataArray<T>(String dataset, @JsonValue List<T> items, Function<? super T, ? extends OpenDataRow> row)
        implements OpenDataList {

    public OpenDataArray {
        items = List.copyOf(items);
    }

    @Override
    public List<OpenDataRow> rows() {
        return items.stream().<OpenDataRow>map(row).toList();
    }
}
