package org.steppewatch.analysis.assessment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;

import org.steppewatch.analysis.plume.PlumeModel;
import org.steppewatch.analysis.plume.Stability;

/**
 * The members of the Monte Carlo ensemble: per member one weather (shared by every release of the incident) and
 * per release one source term, drawn from a {@link Random} seeded by the incident id and version, so a redelivered
 * event gives the same members. {@code java.util.Random}'s generator is specified by its javadoc, so the draws do
 * not change with the JDK.
 *
 * <table>
 *   <caption>what each member samples</caption>
 *   <tr><th>input</th><th>distribution</th></tr>
 *   <tr><td>wind direction, reported with σθ</td><td>normal around it, standard deviation σθ</td></tr>
 *   <tr><td>wind direction, reported without σθ</td><td>normal, σθ by the central class from the σA criteria of US EPA,
 *       Meteorological Monitoring Guidance for Regulatory Modeling Applications (EPA-454/R-99-005, 2000), §6.4.4,
 *       after Irwin (1980): A ≥ 22.5°, B 17.5–22.5°, C 12.5–17.5°, D 7.5–12.5°, E 3.8–7.5°, F &lt; 3.8°; taken as
 *       the middle of the range, the bound of an open one: A 22.5°, B 20°, C 15°, D 10°, E 5.65°, F 3.8°</td></tr>
 *   <tr><td>wind direction, not reported</td><td>uniform over 0–360°</td></tr>
 *   <tr><td>wind speed</td><td>log-normal around the central speed, σ(ln u) = {@value #SPEED_SIGMA_LN} (about ±30 %
 *       at one standard deviation: a Steppe Watch assumption for a station wind applied tens of km away), at least
 *       {@value PlumeModel#MIN_WIND_MS} m/s</td></tr>
 *   <tr><td>stability class</td><td>the central class with probability {@value #CENTRAL_SHARE}, each neighbour
 *       {@value #NEIGHBOUR_SHARE}; A and F, with one neighbour, keep 0.75 (a Steppe Watch assumption: one class
 *       either way is the usual disagreement between stability schemes)</td></tr>
 *   <tr><td>source rate Q</td><td>log-uniform in [qMin, qMax]</td></tr>
 *   <tr><td>release height, duration</td><td>uniform in their ranges</td></tr>
 * </table>
 */
final class EnsembleMembers {

    static final int DEFAULT_MEMBERS = 1_000;
    static final double SPEED_SIGMA_LN = 0.3;
    static final double CENTRAL_SHARE = 0.5;
    static final double NEIGHBOUR_SHARE = 0.25;

    /** The default σθ per class (A..F), degrees: see the class comment. */
    private static final double[] DEFAULT_SIGMA_THETA_DEG = {22.5, 20, 15, 10, 5.65, 3.8};

    /** How wide the ensemble samples; tests narrow it to isolate one input. */
    record Spread(int members, double speedSigmaLn, double centralShare, double neighbourShare) {

        static final Spread DEFAULT = new Spread(DEFAULT_MEMBERS, SPEED_SIGMA_LN, CENTRAL_SHARE, NEIGHBOUR_SHARE);

        Spread {
            if (members < 1 || !(speedSigmaLn >= 0) || !(centralShare >= 0) || !(neighbourShare >= 0)
                    || Math.abs(centralShare + 2 * neighbourShare - 1) > 1e-9) {
                throw new IllegalArgumentException("invalid spread " + members + ", " + speedSigmaLn + ", " + centralShare + ", "
                        + neighbourShare);
            }
        }
    }

    /** Member weather: downwind bearing (degrees), wind speed (m/s) and class, index = member. */
    final double[] downwindDeg;
    final double[] speedMs;
    final Stability[] stability;
    /** Per release (index as in the sources) and member: Q in mg/s, release height m, duration s. */
    final double[][] qMgPerS;
    final double[][] heightM;
    final double[][] durationS;
    /** The σθ used, or null when every direction was sampled. */
    final Double sigmaThetaDeg;
    /** Whether σθ was the class default rather than reported. */
    final boolean sigmaThetaDefaulted;
    final Spread spread;

    private EnsembleMembers(Spread spread, int sources, Double sigmaThetaDeg, boolean defaulted) {
        int n = spread.members();
        this.spread = spread;
        downwindDeg = new double[n];
        speedMs = new double[n];
        stability = new Stability[n];
        qMgPerS = new double[sources][n];
        heightM = new double[sources][n];
        durationS = new double[sources][n];
        this.sigmaThetaDeg = sigmaThetaDeg;
        this.sigmaThetaDefaulted = defaulted;
    }

    int size() {
        return downwindDeg.length;
    }

    static double defaultSigmaThetaDeg(Stability s) {
        return DEFAULT_SIGMA_THETA_DEG[s.ordinal()];
    }

    /** The seed of an incident version: the first 8 bytes of SHA-256("incidentId:version"). */
    static long seed(String incidentId, long version) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((incidentId + ":" + version).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** The members for {@code sources}, which share one weather (that of the first). */
    static EnsembleMembers sample(List<PlumeHazards.Source> sources, long seed, Spread spread) {
        PlumeHazards.Source central = sources.get(0);
        Double windFrom = central.windFromDeg();
        boolean defaulted = windFrom != null && central.windDirectionSigmaDeg() == null;
        Double sigma = windFrom == null ? null : defaulted ? defaultSigmaThetaDeg(central.stability()) : central.windDirectionSigmaDeg();
        int n = spread.members();
        EnsembleMembers m = new EnsembleMembers(spread, sources.size(), sigma, defaulted);
        Random random = new Random(seed);
        Stability[] classes = Stability.values();
        for (int i = 0; i < n; i++) {
            // every member draws the same numbers in the same order, whatever is reported
            double direction = random.nextGaussian();
            double uniformDirection = random.nextDouble();
            double speed = random.nextGaussian();
            double stability = random.nextDouble();
            m.downwindDeg[i] = windFrom == null ? 360 * uniformDirection : normalise(windFrom + 180 + sigma * direction);
            m.speedMs[i] = Math.max(PlumeModel.MIN_WIND_MS, central.windSpeedMs() * Math.exp(spread.speedSigmaLn() * speed));
            m.stability[i] = classes[neighbour(central.stability().ordinal(), stability, spread)];
            for (int s = 0; s < sources.size(); s++) {
                PlumeHazards.Source source = sources.get(s);
                double q = random.nextDouble();
                double h = random.nextDouble();
                // the duration falls as the rate rises: a release of a given mass is fast and short or slow and long, so
                // a member never releases far more than the mass (the largest rate with the longest duration would)
                double d = 1 - q;
                m.qMgPerS[s][i] = source.qMinMgPerS() * Math.pow(source.qMaxMgPerS() / source.qMinMgPerS(), q);
                m.heightM[s][i] = source.releaseHeightMinM() + (source.releaseHeightMaxM() - source.releaseHeightMinM()) * h;
                m.durationS[s][i] = 60 * (source.releaseMinutesMin() + (source.releaseMinutesMax() - source.releaseMinutesMin()) * d);
            }
        }
        return m;
    }

    /** The class index for a uniform draw {@code u}: lower neighbour, central, upper neighbour. */
    static int neighbour(int central, double u, Spread spread) {
        int last = Stability.values().length - 1;
        if (u < spread.neighbourShare()) {
            return central == 0 ? 0 : central - 1;
        }
        if (u >= 1 - spread.neighbourShare()) {
            return central == last ? last : central + 1;
        }
        return central;
    }

    static double normalise(double deg) {
        double d = deg % 360;
        return d < 0 ? d + 360 : d;
    }
}
