package org.steppewatch.analysis.substance;

/**
 * A facility's annual release above which it must report (E-PRTR, Regulation (EC) No 166/2006, Annex II). Not a
 * concentration and not a limit: it is never compared with a sample.
 *
 * @param medium AIR, WATER or LAND (the receiving medium)
 */
public record ReportingThreshold(String regime, String substance, String medium, double value, String unit, String basis,
                                 String legalInstrument, String source, String status) {
}
