package org.steppewatch.testsupport.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request: {@code pathTemplate} with its {@code pathVariables} (encoded by MockMvc, so an id like
 * {@code ../../etc/passwd} arrives as one path segment), query parameters, headers and a body.
 *
 * @param kind what makes it hostile, for the tally and a failure message
 */
public record HostileRequest(String kind, String method, String pathTemplate, Object[] pathVariables,
                             Map<String, String> query, Map<String, String> headers, String contentType, String body) {

    public static HostileRequest of(String kind, String method, String pathTemplate, Object... pathVariables) {
        return new HostileRequest(kind, method, pathTemplate, pathVariables, new LinkedHashMap<>(), new LinkedHashMap<>(),
                null, null);
    }

    public HostileRequest body(String contentType, String body) {
        return new HostileRequest(kind, method, pathTemplate, pathVariables, query, headers, contentType, body);
    }

    public HostileRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HostileRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
        return kind + ": " + method + " " + pathTemplate + " " + java.util.Arrays.toString(pathVariables) + " ?" + query
                + " " + headers + " [" + contentType + "] " + shown;
    }
}
