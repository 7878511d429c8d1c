package org.steppewatch.auth.client;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.steppewatch.auth.Role;

/** The roles granted to a client itself, put into the tokens it gets through client_credentials. */
public final class ClientRoles {

    /** The client setting that carries them. */
    public static final String SETTING = "steppewatch.roles";

    private ClientRoles() {
    }

    public static List<String> of(RegisteredClient client) {
        List<String> roles = client.getClientSettings().getSetting(SETTING);
        return roles == null ? List.of() : Role.canonical(roles);
    }
}
