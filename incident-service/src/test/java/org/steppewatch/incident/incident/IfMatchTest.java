package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void readsStrongWeakAndBareVersionTags() {
        assertThat(IfMatch.version("\"3\"")).hasValue(3);
        assertThat(IfMatch.version("W/\"4\"")).hasValue(4);
        assertThat(IfMatch.version(" 5 ")).hasValue(5);
        assertThat(IfMatch.etag(6)).isEqualTo("\"6\"");
    }

    @Test
    void aTagThatNamesNoVersionMatchesNothing() {
        assertThat(IfMatch.version("\"abc\"")).isEmpty();
        assertThat(IfMatch.version("\"1\", \"2\"")).isEmpty();
    }
}
