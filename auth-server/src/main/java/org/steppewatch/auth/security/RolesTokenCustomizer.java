package org.steppewatch.auth.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.steppewatch.auth.Role;
import org.steppewatch.auth.client.ClientRoles;

/**
 * Puts the claim {@code roles} (lowercase role names) into every access token: a client acting for itself
 * (client_credentials) gets the roles granted to the client, a client acting for a person gets that person's
 * roles and names ({@code preferred_username}, {@code name}). ID tokens get the names and roles too, so the
 * console can show who is signed in and hide what they may not do.
 */
class RolesTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim(ROLES, ClientRoles.of(context.getRegisteredClient()));
            return;
        }
        Authentication person = context.getPrincipal();
        context.getClaims().claim(ROLES, rolesOf(person))
                .claim(StandardClaimNames.PREFERRED_USERNAME, person.getName())
                .claim(StandardClaimNames.NAME, person.getName());
    }

    private static List<String> rolesOf(Authentication person) {
        return Role.canonical(person.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(Role.AUTHORITY_PREFIX))
                .map(authority -> authority.substring(Role.AUTHORITY_PREFIX.length()))
                .toList());
    }
}
