package org.steppewatch.analysis.plume;

/**
 * The model performance measures of Chang &amp; Hanna (2004, Meteorol. Atmos. Phys. 87, 167–196) over paired
 * observed (Co) and predicted (Cp) values, an overbar being the mean over all pairs:
 *
 * <pre>
 *   FB   = (C̄o − C̄p) / (0.5 (C̄o + C̄p))          fractional bias; > 0 is under-prediction
 *   NMSE = mean((Co − Cp)²) / (C̄o · C̄p)           normalised mean square error
 *   MG   = exp(mean(ln Co) − mean(ln Cp))          geometric mean bias; > 1 is under-prediction
 *   VG   = exp(mean((ln Co − ln Cp)²))             geometric variance (the bias included, as in Chang &amp; Hanna)
 *   FAC2 = fraction of pairs with 0.5 ≤ Cp/Co ≤ 2
 * </pre>
 *
 * MG, VG and FAC2 need positive values: a pair with a value that is not positive is refused, the caller drops
 * pairs below the detection threshold first (and says how many).
 */
record PerformanceMetrics(int n, double fb, double nmse, double mg, double vg, double fac2) {

    static PerformanceMetrics of(double[] observed, double[] predicted) {
        if (observed.length != predicted.length || observed.length == 0) {
            throw new IllegalArgumentException("need equally many observed and predicted values, at least one");
        }
        int n = observed.length;
        double sumO = 0;
        double sumP = 0;
        double sumSq = 0;
        double sumLog = 0;
        double sumLogSq = 0;
        int withinTwo = 0;
        for (int i = 0; i < n; i++) {
            double o = observed[i];
            double p = predicted[i];
            if (!(o > 0) || !(p > 0)) {
                throw new IllegalArgumentException("pair " + i + " is not positive: observed " + o + ", predicted " + p);
            }
            sumO += o;
            sumP += p;
            sumSq += (o - p) * (o - p);
            double logRatio = Math.log(o) - Math.log(p);
            sumLog += logRatio;
            sumLogSq += logRatio * logRatio;
            double ratio = p / o;
            if (ratio >= 0.5 && ratio <= 2) {
                withinTwo++;
            }
        }
        double meanO = sumO / n;
        double meanP = sumP / n;
        return new PerformanceMetrics(n,
                (meanO - meanP) / (0.5 * (meanO + meanP)),
                sumSq / n / (meanO * meanP),
                Math.exp(sumLog / n),
                Math.exp(sumLogSq / n),
                (double) withinTwo / n);
    }
}
