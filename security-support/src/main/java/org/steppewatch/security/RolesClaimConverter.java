package org.steppewatch.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token's roles as authorities: the top-level {@code roles} claim (the embedded provider and the Keycloak realm
 * put them there) and, for a Keycloak whose mapper was not set up, {@code realm_access.roles}. Scopes give no
 * rights here: what a caller may do follows from the roles granted to the user or client, not from what it asked for.
 */
final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    static final String ROLES_CLAIM = "roles";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        add(authorities, jwt.getClaim(ROLES_CLAIM));
        Object realmAccess = jwt.getClaim("realm_access");
        if (realmAccess instanceof Map<?, ?> realm) {
            add(authorities, realm.get("roles"));
        }
        return authorities;
    }

    private static void add(Set<GrantedAuthority> authorities, Object claim) {
        if (claim instanceof Collection<?> roles) {
            for (Object role : roles) {
                if (role instanceof String name && !name.isBlank()) {
                    authorities.add(new SimpleGrantedAuthority(Roles.authority(name.toLowerCase(Locale.ROOT))));
                }
            }
        } else if (claim instanceof String names) {
            // some providers send a space-separated string
            for (String name : names.trim().split("\\s+")) {
                if (!name.isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority(Roles.authority(name.toLowerCase(Locale.ROOT))));
                }
            }
        }
    }
}
