package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.plume.PlumeModel;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.plume.TurnerStability;
import org.steppewatch.contracts.IncidentAssessed.WeatherUsed;
import org.steppewatch.contracts.IncidentFacts;

/**
 * The weather the plume model uses (docs/assessment.md, "Weather"): what the report gives, and for what it does not
 * give a stated default. A missing stability class is estimated from the sun at the incident's time and place, the
 * reported cloud cover and the wind speed by Turner's method ({@link TurnerStability}).
 */
final class WeatherEstimate {

    static final double DEFAULT_WIND_MS = 1.5;

    /**
     * @param windFromDeg   reported direction the wind blows from, or null
     * @param reportedSpeed the reported speed, or null
     * @param speedMs       the speed used (at least {@value PlumeModel#MIN_WIND_MS} m/s)
     * @param estimated     the class was estimated from the sun
     * @param sigmaThetaDeg the reported spread of the wind direction, or null
     */
    record Resolved(Double windFromDeg, Double reportedSpeed, double speedMs, Stability stability, boolean estimated,
                    Double sigmaThetaDeg, List<String> assumptions) {

        WeatherUsed used() {
            String source = windFromDeg == null ? WeatherUsed.UNKNOWN_DIRECTION
                    : estimated ? WeatherUsed.ESTIMATED_FROM_SUN : WeatherUsed.REPORTED;
            return new WeatherUsed(windFromDeg, speedMs, stability.name(), source, assumptions);
        }
    }

    private WeatherEstimate() {
    }

    static Resolved of(IncidentFacts facts, Point location) {
        IncidentFacts.Weather weather = facts.weather();
        List<String> assumptions = new ArrayList<>();
        Double windFrom = weather == null || weather.windFromDeg() == null || !Double.isFinite(weather.windFromDeg()) ? null
                : ((weather.windFromDeg() % 360) + 360) % 360;
        if (windFrom == null) {
            assumptions.add("wind direction not reported: every direction is possible");
        }
        Double reportedSpeed = weather == null || weather.windSpeedMs() == null || !(weather.windSpeedMs() >= 0)
                || !Double.isFinite(weather.windSpeedMs()) ? null : weather.windSpeedMs();
        double speed = reportedSpeed == null ? DEFAULT_WIND_MS : reportedSpeed;
        if (reportedSpeed == null) {
            assumptions.add("wind speed not reported: " + DEFAULT_WIND_MS + " m/s assumed");
        }
        if (speed < PlumeModel.MIN_WIND_MS) {
            assumptions.add("wind " + speed + " m/s raised to " + PlumeModel.MIN_WIND_MS + " m/s: the model divides by the wind speed");
            speed = PlumeModel.MIN_WIND_MS;
        }
        Integer oktas = weather == null || weather.cloudCoverOktas() == null || weather.cloudCoverOktas() < 0
                || weather.cloudCoverOktas() > 8 ? null : weather.cloudCoverOktas();
        Optional<Stability> reported = Stability.parse(weather == null ? null : weather.stability());
        Stability stability;
        boolean estimated = false;
        if (reported.isPresent()) {
            stability = reported.get();
        } else if (facts.occurredAt() == null) {
            stability = Stability.mostStableFor(speed);
            assumptions.add("stability class not reported and no time of occurrence to place the sun: " + stability
                    + " assumed (the most stable class Pasquill's scheme allows at night for " + AssessmentSummary.number(speed)
                    + " m/s, conservative)");
        } else {
            TurnerStability.Estimate e = TurnerStability.estimate(facts.occurredAt(), location.getX(), location.getY(), oktas, speed);
            stability = e.stability();
            estimated = true;
            assumptions.add(String.format(Locale.ROOT, "stability class not reported: %s estimated from the sun by Turner's method "
                            + "(EPA-454/R-99-005, tables 6-4 to 6-6): solar elevation %.1f°, %s, cloud cover %s, net radiation "
                            + "index %d, wind %s m/s", stability, e.solarElevationDeg(),
                    e.night() ? "night (sun down, or within an hour of sunrise or sunset)" : "insolation class " + e.insolationClass(),
                    oktas == null ? "not reported (clear sky assumed)" : oktas + " oktas (ceiling not reported: the more stable choice)",
                    e.netRadiationIndex(), AssessmentSummary.number(speed)));
        }
        Double sigma = weather == null || weather.windDirectionSigmaDeg() == null || !(weather.windDirectionSigmaDeg() >= 0)
                || !Double.isFinite(weather.windDirectionSigmaDeg()) ? null : weather.windDirectionSigmaDeg();
        return new Resolved(windFrom, reportedSpeed, speed, stability, estimated, sigma, List.copyOf(assumptions));
    }
}
