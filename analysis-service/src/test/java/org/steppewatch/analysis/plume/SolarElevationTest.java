package org.steppewatch.analysis.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SolarElevationTest {

    /**
     * Reda &amp; Andreas, Solar Position Algorithm for Solar Radiation Applications, NREL/TP-560-34302 (2003, rev. 2008),
     * the worked example: 17 October 2003, 12:30:30 local time (UTC−7), 39.742476 N, 105.1786 W. Topocentric zenith
     * without refraction 50.127954° (the published apparent zenith 50.111622° adds 0.016° of refraction), so the
     * elevation is 39.872046°; the parallax of the sun (below 0.003°) separates it from the geocentric value computed here.
     */
    @Test
    void theElevationMatchesNrelsPublishedExample() {
        double elevation = SolarElevation.degrees(Instant.parse("2003-10-17T19:30:30Z"), -105.1786, 39.742476);

        assertThat(elevation).isCloseTo(39.872046, within(0.02));
    }

    /** The same report gives sunrise at 06:12:43 local time (13:12:43 UTC): the sun's centre then lies 0.8333° below the horizon. */
    @Test
    void atNrelsPublishedSunriseTheSunIsJustBelowTheHorizon() {
        assertThat(SolarElevation.degrees(Instant.parse("2003-10-17T13:12:43Z"), -105.1786, 39.742476)).isCloseTo(-0.8333, within(0.1));
    }

    /**
     * The 2013 Proton-M crash, 2 July 2013 02:38:22 UTC at 46.05 N 63.00 E, by hand: the sun's declination on 2 July is
     * +23.05° and the equation of time −3.9 min (almanac values); local apparent solar time 02:38:22 + 63° × 4 min/° − 3.9 min
     * = 06:46:28, hour angle (6.775 h − 12 h) × 15°/h = −78.4°; sin h = sin 46.05° sin 23.05° + cos 46.05° cos 23.05° cos 78.4°
     * = 0.2818 + 0.1284 = 0.4102, h = 24.2°.
     */
    @Test
    void theSunStoodAbout24DegreesHighAtTheTimeOfThe2013Crash() {
        assertThat(SolarElevation.degrees(Instant.parse("2013-07-02T02:38:22Z"), 63.00, 46.05)).isCloseTo(24.2, within(0.2));
    }
}
