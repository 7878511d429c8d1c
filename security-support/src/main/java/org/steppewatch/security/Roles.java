package org.steppewatch.security;

import java.util.List;

/**
 * The roles of Steppe Watch, as they appear in a token's {@code roles} claim. Spring Security sees them as
 * authorities {@code ROLE_analyst}, {@code ROLE_issuer}, {@code ROLE_admin}.
 */
public final class Roles {

    /** Reports, revises and retracts incidents, records samples. */
    public static final String ANALYST = "analyst";
    /** Lets alerts go out: an issuer's report is sent at once; approves or rejects drafts. */
    public static final String ISSUER = "issuer";
    /** Reference data, users and clients, redrive, metrics. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(ANALYST, ISSUER, ADMIN);

    private Roles() {
    }

    public static String authority(String role) {
        return "ROLE_" + role;
    }
}
