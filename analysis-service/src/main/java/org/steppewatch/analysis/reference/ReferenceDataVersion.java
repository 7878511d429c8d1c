package org.steppewatch.analysis.reference;

/** The edition of reference data in use, e.g. {@code shipped-sha256:…}; recorded in every assessment. */
public record ReferenceDataVersion(String value) {
}
