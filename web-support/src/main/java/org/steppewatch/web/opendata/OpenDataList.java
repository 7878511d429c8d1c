package org.steppewatch.web.opendata;

import java.util.List;

/**
 * A public list that can also be downloaded as open data: besides JSON, a controller method returning one answers
 * {@code Accept: text/csv} and {@code Accept: application/geo+json}, each file carrying the licence and the
 * attribution of what it holds.
 */
public interface OpenDataList {

    /** The dataset's name (incidents, assessments, alerts, sites, results, facilities, ...), used in file names. */
    String dataset();

    /** The rows, in the list's order. */
    List<? extends OpenDataRow> rows();

    /**
     * Attribution of third-party data the rows carry (e.g. the published studies of seeded results), in addition to
     * the deployment's own; empty when the rows are the deployment's own records only.
     */
    default List<String> attributions() {
        return List.of();
    }
}
