package org.steppewatch.contracts;

/**
 * Who reported, revised or retracted an incident version: the token subject, a name to show staff, and whether
 * that person held the {@code issuer} role at that moment (then an alert for the version goes out at once;
 * otherwise it waits as a draft for an issuer). A personal name: consumers must not show it to the public.
 *
 * <p>Events written before reporters were recorded carry no {@code reportedBy}; notification-service treats such a
 * version as issued, which is what it did then.
 */
public record ReportedBy(String subject, String name, boolean mayIssue) {
}
