package org.steppewatch.auth.client;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.auth.Names;
import org.steppewatch.auth.Role;
import org.steppewatch.auth.RolesRequest;
import org.steppewatch.auth.Secrets;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/**
 * OAuth clients and their roles. New clients are confidential client_credentials clients (scripts, partner
 * systems); their secret is generated and shown once, in the answer that creates them. Role {@code admin} only.
 */
@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder encoder;

    ClientController(MongoRegisteredClientRepository clients, PasswordEncoder encoder) {
        this.clients = clients;
        this.encoder = encoder;
    }

    record NewClient(String clientId, List<String> roles) {
    }

    /** What may be shown about a client: never the secret or its hash. */
    record ClientView(String clientId, String type, List<String> grantTypes, List<String> roles,
                      Set<String> redirectUris, Instant createdAt) {

        static ClientView of(RegisteredClient client) {
            boolean publicClient = client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
            return new ClientView(client.getClientId(), publicClient ? "public" : "confidential",
                    client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
                    ClientRoles.of(client), client.getRedirectUris(), client.getClientIdIssuedAt());
        }
    }

    /** The answer to a creation: the only time the secret is shown. */
    record CreatedClient(String clientId, String clientSecret, List<String> roles, List<String> grantTypes) {
    }

    @GetMapping
    List<ClientView> list() {
        return clients.findAll().stream().map(ClientView::of).toList();
    }

    @PostMapping
    ResponseEntity<CreatedClient> create(@RequestBody NewClient request) {
        List<FieldProblem> errors = new ArrayList<>();
        Names.check(request.clientId(), "clientId", errors);
        List<String> roles = Role.parse(request.roles(), "roles", errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        String secret = Secrets.generate();
        if (!clients.insert(Clients.machine(request.clientId(), encoder.encode(secret), roles))) {
            throw Problems.conflict("A client '" + request.clientId() + "' exists already.");
        }
        return ResponseEntity.created(URI.create("/api/v1/clients/" + request.clientId()))
                .body(new CreatedClient(request.clientId(), secret, roles,
                        List.of(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue())));
    }

    @PutMapping("/{clientId}/roles")
    ClientView setRoles(@PathVariable String clientId, @RequestBody RolesRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        List<String> roles = Role.parse(request.roles(), "roles", errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        refuseConsole(clientId);
        if (!clients.setRoles(clientId, roles)) {
            throw Problems.notFound("There is no client '" + clientId + "'.");
        }
        return ClientView.of(clients.findByClientId(clientId));
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> delete(@PathVariable String clientId) {
        refuseConsole(clientId);
        if (!clients.delete(clientId)) {
            throw Problems.notFound("There is no client '" + clientId + "'.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The console is registered from the configuration at every start and acts with its users' roles. */
    private static void refuseConsole(String clientId) {
        if (Clients.CONSOLE.equals(clientId)) {
            throw Problems.conflict("'" + Clients.CONSOLE + "' is managed by the configuration "
                    + "(steppewatch.auth.console-redirect-uris); its tokens carry the roles of the signed-in user.");
        }
    }
}
