package org.steppewatch.incident.result;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Mann–Kendall test for a monotonic trend with the Theil–Sen slope, as Gilbert (1987), <i>Statistical Methods
 * for Environmental Pollution Monitoring</i>, ch. 16, gives them: S the sum of the signs of every later minus
 * earlier value; its variance n(n-1)(2n+5)/18 less the ties correction Σ t(t-1)(2t+5)/18 over groups of tied
 * values; z = (S-1)/√var for S &gt; 0, (S+1)/√var for S &lt; 0, 0 for S = 0 (the continuity correction); a two-sided
 * p from the normal distribution; significant at alpha 0.05. The slope is the median of (x_j - x_i)/(t_j - t_i)
 * over the pairs sampled on different days, t in decimal years.
 *
 * <p>Gilbert uses the normal approximation for more than 10 values; for 10 or fewer he gives exact probabilities
 * (his table A18), which this does not ship: the trend is shown from {@link #MINIMUM} values on, and below that
 * only n and the reason.
 *
 * <p>Non-detects, as Gilbert (ch. 16) allows for values below the detection limit: all given one common value
 * below the smallest measured one, so tied with each other, whatever their detection limits. Pairs with a non-detect count in S but not in the slope, which is taken
 * over detected values only. Two values of the same day compare as a tie in time: they add nothing to S.
 */
record Trend(boolean shown, String reason, int n, int nonDetects, Long s, Double variance, Double z, Double pValue,
             String direction, Double theilSenSlopePerYear, String unit, double alpha, int minimum, String method) {

    static final int MINIMUM = 11;
    static final double ALPHA = 0.05;
    static final String METHOD = "Mann-Kendall test (two-sided, normal approximation with ties and continuity "
            + "correction) and Theil-Sen slope, Gilbert (1987) ch. 16; on dated single results only; non-detects "
            + "tied below the smallest detected value and left out of the slope; shown from " + MINIMUM + " values.";

    /** One dated value: {@code value} in the series unit, or null for a non-detect. */
    record Point(LocalDate day, Double value) {
        boolean detected() {
            return value != null;
        }
    }

    static Trend of(List<Point> points, String unit) {
        List<Point> sorted = points.stream().sorted(Comparator.comparing(Point::day)).toList();
        int n = sorted.size();
        int nonDetects = (int) sorted.stream().filter(p -> !p.detected()).count();
        String perYear = unit + " per year";
        if (n < MINIMUM) {
            return new Trend(false, "fewer than " + MINIMUM + " dated single results (n = " + n + ")", n, nonDetects,
                    null, null, null, null, null, null, perYear, ALPHA, MINIMUM, METHOD);
        }
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sorted.get(j).day().isAfter(sorted.get(i).day())) {
                    s += Integer.signum(compare(sorted.get(j), sorted.get(i)));
                }
            }
        }
        double variance = (n * (n - 1.0) * (2.0 * n + 5) - ties(sorted)) / 18.0;
        double z = s == 0 || variance <= 0 ? 0 : (s > 0 ? s - 1 : s + 1) / Math.sqrt(variance);
        double p = 2 * upperTail(Math.abs(z));
        String direction = p >= ALPHA ? "NO_TREND" : s > 0 ? "INCREASING" : "DECREASING";
        return new Trend(true, null, n, nonDetects, s, variance, z, p, direction, theilSen(sorted), perYear, ALPHA,
                MINIMUM, METHOD);
    }

    /** Non-detects below every detected value and equal to each other. */
    private static int compare(Point a, Point b) {
        if (!a.detected() || !b.detected()) {
            return Boolean.compare(a.detected(), b.detected());
        }
        return Double.compare(a.value(), b.value());
    }

    /** Σ t(t-1)(2t+5) over the groups of tied values (the non-detects are one group). */
    private static double ties(List<Point> points) {
        Map<Double, Integer> groups = new HashMap<>();
        for (Point p : points) {
            groups.merge(p.detected() ? p.value() : Double.NEGATIVE_INFINITY, 1, Integer::sum);
        }
        double sum = 0;
        for (int t : groups.values()) {
            sum += t * (t - 1.0) * (2.0 * t + 5);
        }
        return sum;
    }

    private static Double theilSen(List<Point> points) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                Point a = points.get(i);
                Point b = points.get(j);
                double years = decimalYear(b.day()) - decimalYear(a.day());
                if (a.detected() && b.detected() && years > 0) {
                    slopes.add((b.value() - a.value()) / years);
                }
            }
        }
        if (slopes.isEmpty()) {
            return null;
        }
        slopes.sort(Double::compare);
        int m = slopes.size();
        return m % 2 == 1 ? slopes.get(m / 2) : (slopes.get(m / 2 - 1) + slopes.get(m / 2)) / 2;
    }

    /** 2019-01-01 is 2019.0, 2019-07-02 is 2019.5 (day 183 of 365 less one, over the year's length). */
    static double decimalYear(LocalDate day) {
        return day.getYear() + (day.getDayOfYear() - 1.0) / day.lengthOfYear();
    }

    /** P(Z &gt; z) of the standard normal: erfc(z/√2)/2, erfc by Numerical Recipes' erfcc (relative error &lt; 1.2e-7). */
    static double upperTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return (x >= 0 ? erfc : 2 - erfc) / 2;
    }
}
