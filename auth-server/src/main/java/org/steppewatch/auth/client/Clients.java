package org.steppewatch.auth.client;

import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/** The kinds of client this server registers. */
public final class Clients {

    /** The analyst console: a page in the browser, so a public client that must use PKCE. */
    public static final String CONSOLE = "steppewatch-console";
    /** Scripts and the README walk-through; created at the first start. */
    public static final String CLI = "steppewatch-cli";

    private Clients() {
    }

    /** A confidential client for machines: client_credentials with HTTP Basic, acting with its own roles. */
    public static RegisteredClient machine(String clientId, String secretHash, List<String> roles) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(clientId)
                .clientSecret(secretHash)
                .clientIdIssuedAt(Instant.now())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(ClientRoles.SETTING, List.copyOf(roles)).build())
                .build();
    }

    /** The console: authorization code with PKCE, no secret; its tokens carry the roles of the signed-in user. */
    public static RegisteredClient console(List<String> redirectUris, Instant createdAt) {
        return RegisteredClient.withId(CONSOLE)
                .clientId(CONSOLE)
                .clientName("Steppe Watch analyst console")
                .clientIdIssuedAt(createdAt)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .postLogoutRedirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .setting(ClientRoles.SETTING, List.of()).build())
                .build();
    }
}
