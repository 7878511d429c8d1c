package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file backend's page cache: a quarter of the heap, between H2's default of 16 MB and 4 GB. */
class PageCacheTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aQuarterOfTheHeap() {
        assertThat(DurableH2Backend.cacheMegabytes(768 * MB)).isEqualTo(192);
        assertThat(DurableH2Backend.cacheMegabytes(4096 * MB)).isEqualTo(1024);
    }

    @Test
    void neverBelowH2sDefaultNorAboveFourGigabytes() {
        assertThat(DurableH2Backend.cacheMegabytes(32 * MB)).isEqualTo(16);
        assertThat(DurableH2Backend.cacheMegabytes(64 * 1024 * MB)).isEqualTo(4096);
    }
}
