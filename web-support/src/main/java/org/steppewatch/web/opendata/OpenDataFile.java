package org.steppewatch.web.opendata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What one download says about itself besides its rows: the licence, whom to credit (the deployment, then the
 * list's third parties), when it was generated and from which URL.
 */
record OpenDataFile(String dataset, String licence, String licenceUrl, List<String> attributions, Instant generated,
                    String source) {

    static final String LICENCE_COLUMN = "licence";
    static final String ATTRIBUTION_COLUMN = "attribution";

    static OpenDataFile of(OpenDataList list, OpenDataProperties properties, Instant now) {
        List<String> attributions = new ArrayList<>();
        attributions.add(properties.attribution());
        list.attributions().stream().filter(a -> a != null && !a.isBlank() && !attributions.contains(a.strip()))
                .map(String::strip).forEach(attributions::add);
        return new OpenDataFile(list.dataset(), properties.licence(), properties.licenceUrl(), List.copyOf(attributions),
                now, currentRequestUrl());
    }

    /** The attributions as one text, for a CSV cell. */
    String attribution() {
        return String.join("; ", attributions);
    }

    /** e.g. {@code incidents-2026-12-01.csv}: the dataset and the day (UTC) it was generated. */
    String fileName(String extension) {
        String name = dataset == null || dataset.isBlank() ? "data" : dataset.replaceAll("[^A-Za-z0-9._-]", "_");
        return name + "-" + generated.atOffset(ZoneOffset.UTC).toLocalDate() + "." + extension;
    }

    /**
     * A download names itself and points to its licence: an attachment's file name and
     * {@code Link: <…>; rel="license"} (RFC 4946). The attribution is in the file itself, not in a header: it may
     * hold text that is not Latin-1.
     */
    void addHeaders(HttpHeaders headers, String extension) {
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName(extension)).build());
        headers.add(HttpHeaders.LINK, "<" + licenceUrl + ">; rel=\"license\"");
    }

    /** The URL asked for, query included, or null outside a request. */
    private static String currentRequestUrl() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes)) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
    }

    static final MediaType CSV = new MediaType("text", "csv");
    static final MediaType GEO_JSON = new MediaType("application", "geo+json");
}
