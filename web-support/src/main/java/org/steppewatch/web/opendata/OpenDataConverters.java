package org.steppewatch.web.opendata;

import java.time.Clock;

import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes every controller method that returns an {@link OpenDataList} answer {@code Accept: text/csv} and
 * {@code Accept: application/geo+json} besides JSON, which stays the default. Registered for every service by
 * web-support's auto-configuration.
 */
public final class OpenDataConverters implements WebMvcConfigurer {

    private final GeoJsonConverter geoJson;
    private final CsvConverter csv;

    public OpenDataConverters(OpenDataProperties properties) {
        this(properties, Clock.systemUTC());
    }

    OpenDataConverters(OpenDataProperties properties, Clock clock) {
        this.geoJson = new GeoJsonConverter(properties, clock);
        this.csv = new CsvConverter(properties, clock);
    }

    /**
     * GeoJSON first, before the JSON converter that would otherwise claim {@code application/geo+json}; CSV last, so
     * that the types offered for {@code Accept: *}{@code /*} begin with JSON.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> {
            converters.add(0, geoJson);
            converters.add(csv);
        });
    }
}
