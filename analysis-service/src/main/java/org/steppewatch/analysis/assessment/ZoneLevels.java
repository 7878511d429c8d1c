package org.steppewatch.analysis.assessment;

import java.util.Map;

/**
 * The levels a hazard zone can have, most severe first, and the severity tier each belongs to:
 * tier 3 life-threatening (AEGL-3), tier 2 disabling or observed (AEGL-2, the analyst's reported footprint),
 * tier 1 discomfort or unquantified (AEGL-1, the screening radius of a volatile substance without AEGLs).
 */
final class ZoneLevels {

    static final String AEGL_3 = "AEGL-3";
    static final String AEGL_2 = "AEGL-2";
    static final String AEGL_1 = "AEGL-1";
    static final String REPORTED_FOOTPRINT = "REPORTED_FOOTPRINT";
    static final String SCREENING = "SCREENING";

    private static final Map<String, Integer> RANK = Map.of(AEGL_3, 0, AEGL_2, 1, REPORTED_FOOTPRINT, 2, AEGL_1, 3, SCREENING, 4);
    private static final Map<String, Integer> TIER = Map.of(AEGL_3, 3, AEGL_2, 2, REPORTED_FOOTPRINT, 2, AEGL_1, 1, SCREENING, 1);

    private ZoneLevels() {
    }

    /** 0 for the most severe level; unknown levels last. */
    static int rank(String level) {
        return RANK.getOrDefault(level, RANK.size());
    }

    /** 3, 2 or 1 (see the class comment); 0 for null (outside every zone) or an unknown level. */
    static int tier(String level) {
        return level == null ? 0 : TIER.getOrDefault(level, 1);
    }
}
