package org.steppewatch.analysis.plume;

import java.time.Instant;

/**
 * The sun's geometric elevation above the horizon (no refraction), degrees, at an instant and a place: the
 * NOAA solar position algorithm (NOAA Global Monitoring Laboratory's solar calculator spreadsheet, after Meeus,
 * <i>Astronomical Algorithms</i>, 1991). Accurate to about 0.01° between 1800 and 2100, far better than the
 * 15° steps of Turner's insolation classes need.
 */
public final class SolarElevation {

    private SolarElevation() {
    }

    /**
     * @param lonDeg longitude, degrees east
     * @param latDeg latitude, degrees north
     */
    public static double degrees(Instant at, double lonDeg, double latDeg) {
        double julianDay = at.getEpochSecond() / 86400.0 + at.getNano() / 86400e9 + 2440587.5;
        double t = (julianDay - 2451545.0) / 36525.0; // Julian centuries since J2000.0
        double meanLong = mod360(280.46646 + t * (36000.76983 + t * 0.0003032));
        double meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
        double eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        double m = Math.toRadians(meanAnomaly);
        double centre = Math.sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * m) * (0.019993 - 0.000101 * t)
                + Math.sin(3 * m) * 0.000289;
        double omega = Math.toRadians(125.04 - 1934.136 * t);
        double apparentLong = Math.toRadians(meanLong + centre - 0.00569 - 0.00478 * Math.sin(omega));
        double meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        double obliquity = Math.toRadians(meanObliquity + 0.00256 * Math.cos(omega));
        double declination = Math.asin(Math.sin(obliquity) * Math.sin(apparentLong));

        double y = Math.pow(Math.tan(obliquity / 2), 2);
        double l0 = Math.toRadians(meanLong);
        double equationOfTimeMin = 4 * Math.toDegrees(y * Math.sin(2 * l0) - 2 * eccentricity * Math.sin(m)
                + 4 * eccentricity * y * Math.sin(m) * Math.cos(2 * l0) - 0.5 * y * y * Math.sin(4 * l0)
                - 1.25 * eccentricity * eccentricity * Math.sin(2 * m));
        double utcMinutes = Math.floorMod(at.getEpochSecond(), 86400L) / 60.0 + at.getNano() / 60e9;
        double trueSolarMin = ((utcMinutes + equationOfTimeMin + 4 * lonDeg) % 1440 + 1440) % 1440;
        double hourAngle = Math.toRadians(trueSolarMin / 4 < 0 ? trueSolarMin / 4 + 180 : trueSolarMin / 4 - 180);

        double lat = Math.toRadians(latDeg);
        double cosZenith = Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
        return 90 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
    }

    private static double mod360(double deg) {
        return (deg % 360 + 360) % 360;
    }
}
