package org.steppewatch.security;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who did something: the token's subject, a name to show (a user's {@code preferred_username} or {@code name}, a
 * client's id) and the roles the token carried at that moment. Recorded with reports, revisions and approvals.
 */
public record Actor(String subject, String name, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller of the current request; {@code null} when nobody is signed in. */
    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Actor of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication instanceof JwtAuthenticationToken token)) {
            return null;
        }
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : token.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        String shown = firstNonBlank(token.getToken().getClaimAsString("preferred_username"),
                token.getToken().getClaimAsString("name"), token.getToken().getClaimAsString("client_id"),
                token.getToken().getClaimAsString("azp"), token.getToken().getSubject());
        return new Actor(token.getToken().getSubject(), shown, roles);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
