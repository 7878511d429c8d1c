package org.steppewatch.analysis.substance;

import java.time.LocalDate;

/**
 * One regime's limit of a substance in one medium.
 *
 * @param medium            the project's medium code (SOIL, WATER, DRINKING_WATER, FISH, MILK, …)
 * @param regime            KZ_MPC, SU_MPC, EU, EU_WFD_EQS_PROPOSED, WHO, EAEU_TR_TS, US_EPA
 * @param basis             what the value is of (wet weight, fat basis, total, inorganic mercury, …), or null
 * @param appliesTo         a narrower scope within the medium (e.g. listed predatory fish species), or null for all of it
 * @param validFrom         the value applies to samples taken on or after this day (null: no start)
 * @param validUntil        the value applies to samples taken before this day (null: still in force)
 * @param notComparedReason why the value is kept on file but not compared with a single sample (e.g. an annual
 *                          average), or null
 * @param acute             true only for a limit explicitly set for short, life-threatening exposure; such a limit
 *                          alone lets a contamination notice be rated Severe
 * @param legalInstrument   the regulation, standard or document that sets the value
 * @param source            what was read and its caveats
 * @param status            the source's status as recorded with the value (primary_report, secondary, proposal, …)
 * @param confidence        {@value SubstanceTable#VERIFIED} or {@value SubstanceTable#UNVERIFIED}
 */
public record Limit(String substance, String medium, double value, String unit, String regime, String basis,
                    String appliesTo, LocalDate validFrom, LocalDate validUntil, String notComparedReason, boolean acute,
                    String legalInstrument, String source, String status, String confidence) {

    /** Whether the value applied on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || day.isBefore(validUntil));
    }

    /** The same limit with the terms of {@link LimitTerms} applied. */
    Limit with(String appliesTo, LocalDate validFrom, LocalDate validUntil, String notComparedReason, boolean acute) {
        return new Limit(substance, medium, value, unit, regime, basis, appliesTo, validFrom, validUntil, notComparedReason,
                acute, legalInstrument, source, status, confidence);
    }
}
