package org.steppewatch.incident.incident;

import java.util.List;

import org.steppewatch.web.FieldProblem;

/** The weather of an incident request, field by field: each value out of its range is a problem naming it. */
final class WeatherChecks {

    /** Stronger than any surface wind recorded on the steppe; the plume model means nothing there anyway. */
    static final double WIND_MAX_MS = 60;
    static final int OKTAS_MAX = 8;
    static final double SIGMA_THETA_MAX_DEG = 180;
    static final List<String> STABILITY = List.of("A", "B", "C", "D", "E", "F");

    private WeatherChecks() {
    }

    static void problems(List<FieldProblem> problems, IncidentRequest.Weather weather) {
        if (weather == null) {
            return;
        }
        Double from = weather.windFromDeg();
        if (from != null && (!Double.isFinite(from) || from < 0 || from > 360)) {
            problems.add(new FieldProblem("weather.windFromDeg", "must be between 0 and 360 degrees, was " + from));
        }
        Double speed = weather.windSpeedMs();
        if (speed != null && (!Double.isFinite(speed) || speed < 0 || speed > WIND_MAX_MS)) {
            problems.add(new FieldProblem("weather.windSpeedMs", "must be between 0 and 60 m/s, was " + speed));
        }
        Double oktas = weather.cloudCoverOktas();
        if (oktas != null && (!Double.isFinite(oktas) || oktas != Math.rint(oktas) || oktas < 0 || oktas > OKTAS_MAX)) {
            problems.add(new FieldProblem("weather.cloudCoverOktas", "must be a whole number of eighths of the sky, 0 to 8, was "
                    + oktas));
        }
        Double sigma = weather.windDirectionSigmaDeg();
        if (sigma != null && (!Double.isFinite(sigma) || sigma < 0 || sigma > SIGMA_THETA_MAX_DEG)) {
            problems.add(new FieldProblem("weather.windDirectionSigmaDeg", "must be between 0 and 180 degrees, was " + sigma));
        }
        String stability = weather.stability();
        if (stability != null && !STABILITY.contains(IncidentValidator.code(stability))) {
            problems.add(new FieldProblem("weather.stability", stability.length() > 10
                    ? "must be a Pasquill-Gifford class, one letter A-F"
                    : "must be a Pasquill-Gifford class, one letter A-F, was '" + stability + "'"));
        }
    }
}
