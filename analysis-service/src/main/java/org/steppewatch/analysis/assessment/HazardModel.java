package org.steppewatch.analysis.assessment;

import java.util.List;

import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentFacts;

/**
 * Draws the areas where a release may harm people. The walking skeleton uses {@link ScreeningRadius};
 * the Gaussian plume model (AEGL threat zones, DESIGN §5) replaces it behind this interface.
 */
interface HazardModel {

    /** Zones for the releases of {@code facts} at {@code location}, most severe level first; empty when none apply. */
    List<HazardZone> zones(Point location, IncidentFacts facts);
}
