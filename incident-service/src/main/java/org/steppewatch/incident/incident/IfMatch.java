package org.steppewatch.incident.incident;

import java.util.OptionalLong;

/** The ETag of an incident is its version in quotes: {@code "3"}. */
final class IfMatch {

    static final String ANY = "*";

    private IfMatch() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version an If-Match value names; empty when it names none (it then matches no
     *         version, so the request fails its precondition)
     */
    static OptionalLong version(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
