package org.steppewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathFilterTest {

    @Test
    void encodedOrRawControlCharactersInAPathAreFound() {
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/map/inc-1%00")).isTrue();
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/map/a%0d%0aSet-Cookie")).isTrue();
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/map/del%7F")).isTrue();
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/map/tab\t")).isTrue();
    }

    @Test
    void ordinaryEncodedPathsPass() {
        // a space, a slash, Cyrillic in UTF-8, a percent sign itself
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/incidents/a%20b%2Fc")).isFalse();
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/community/%D0%91%D0%B0%D0%B9")).isFalse();
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/x/100%25")).isFalse();
        assertThat(RequestPathFilter.hasControlCharacter("/api/v1/x/%")).isFalse();
    }
}
