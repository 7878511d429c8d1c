package org.steppewatch.analysis.substance;

/**
 * A value of the substance table with where it comes from and how far to trust it.
 *
 * @param confidence {@value SubstanceTable#VERIFIED}, {@value SubstanceTable#UNVERIFIED} or {@value SubstanceTable#ASSUMPTION}
 */
public record Sourced<T>(T value, String source, String confidence) {
}
