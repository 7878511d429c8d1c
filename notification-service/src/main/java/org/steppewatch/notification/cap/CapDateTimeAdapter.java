package org.steppewatch.notification.cap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * CAP 1.2 date-times: {@code 2013-07-02T07:38:22+05:00}, whole seconds and a numeric offset. The
 * schema's pattern forbids both fractions and {@code Z}, which {@code XMLGregorianCalendar} would
 * print for UTC; this prints {@code +00:00} instead. Bound to every {@code xs:dateTime} of the
 * schema by {@code src/main/jaxb/cap.xjb}.
 */
public class CapDateTimeAdapter extends XmlAdapter<String, OffsetDateTime> {

    /** {@code xxx} prints +00:00 for UTC, never Z. */
    public static final DateTimeFormatter CAP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    public static String format(OffsetDateTime value) {
        return value.withNano(0).format(CAP);
    }

    @Override
    public OffsetDateTime unmarshal(String value) {
        return value == null ? null : OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public String marshal(OffsetDateTime value) {
        return value == null ? null : format(value);
    }
}
