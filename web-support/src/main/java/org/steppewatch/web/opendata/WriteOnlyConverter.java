package org.steppewatch.web.opendata;

import java.nio.charset.Charset;
import java.time.Clock;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** What the CSV and the GeoJSON converter share: they write open-data lists and read nothing. */
abstract class WriteOnlyConverter extends AbstractHttpMessageConverter<OpenDataList> {

    final OpenDataProperties properties;
    final Clock clock;

    WriteOnlyConverter(OpenDataProperties properties, Clock clock, Charset charset, MediaType type) {
        super(charset, type);
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return OpenDataList.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected OpenDataList readInternal(Class<? extends OpenDataList> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("open data is written, not read", input);
    }
}
