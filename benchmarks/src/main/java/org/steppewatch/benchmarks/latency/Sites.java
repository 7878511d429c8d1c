package org.steppewatch.benchmarks.latency;

/**
 * Where subscribers live and reports are made: 200 sites on a grid over Kazakhstan, 1.25° of longitude (85-100 km)
 * and 1° of latitude (111 km) apart, from 51.0°E 43.0°N to 74.75°E 52.0°N. Each site has {@link #PER_SITE}
 * subscriptions (a 3 km circle on it) and a report is made on one site, so its zones (a few kilometres across)
 * reach that site's subscriptions and no other: every alert goes to exactly {@link #PER_SITE} of the 1,000
 * subscriptions, while all of them are in the index it is matched against.
 */
final class Sites {

    static final int COUNT = 200;
    static final int PER_SITE = 5;
    static final double RADIUS_KM = 3;
    private static final int COLUMNS = 20;

    private Sites() {
    }

    static double lon(int site) {
        return 51.0 + (site % COUNT % COLUMNS) * 1.25;
    }

    static double lat(int site) {
        return 43.0 + (site % COUNT / COLUMNS) * 1.0;
    }
}
