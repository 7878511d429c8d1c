package org.steppewatch.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.steppewatch.web.FieldProblem;

/**
 * The roles of Steppe Watch, written in tokens (claim {@code roles}) and in MongoDB as their lowercase names.
 * Spring Security sees them as authorities {@code ROLE_analyst}, {@code ROLE_issuer}, {@code ROLE_admin}.
 */
public enum Role {
    ANALYST, ISSUER, ADMIN;

    public static final String AUTHORITY_PREFIX = "ROLE_";

    /** The name in tokens and in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return AUTHORITY_PREFIX + id();
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
    }

    /** Every role's name, in the order above. */
    public static List<String> all() {
        return ids(EnumSet.allOf(Role.class));
    }

    /** Known names only, each once, in the order above: what is stored and put into tokens. */
    public static List<String> canonical(Collection<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        ids.forEach(id -> of(id).ifPresent(roles::add));
        return ids(roles);
    }

    /**
     * Checks a requested list of roles: required, and every entry a known role.
     *
     * @return the canonical list, or null with {@code errors} filled
     */
    public static List<String> parse(List<String> requested, String field, List<FieldProblem> errors) {
        if (requested == null) {
            errors.add(new FieldProblem(field, "required: a list of roles among " + String.join(", ", all())));
            return null;
        }
        List<String> known = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i);
            if (of(id).isEmpty()) {
                errors.add(new FieldProblem(field + "[" + i + "]",
                        "unknown role '" + id + "'; known roles: " + String.join(", ", all())));
            } else {
                known.add(id);
            }
        }
        return errors.isEmpty() ? canonical(known) : null;
    }

    private static List<String> ids(Set<Role> roles) {
        return roles.stream().map(Role::id).collect(Collectors.toList());
    }
}
