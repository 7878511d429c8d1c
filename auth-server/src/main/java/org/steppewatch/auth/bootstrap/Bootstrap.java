package org.steppewatch.auth.bootstrap;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.steppewatch.auth.AuthProperties;
import org.steppewatch.auth.Role;
import org.steppewatch.auth.Secrets;
import org.steppewatch.auth.client.Clients;
import org.steppewatch.auth.client.MongoRegisteredClientRepository;
import org.steppewatch.auth.user.UserStore;

/**
 * Before the server takes requests: registers the console client with the configured redirect URIs (every start,
 * so a change of configuration applies) and, on the first start, creates user {@code admin} and client
 * {@code steppewatch-cli} with every role and one password: {@code steppewatch.auth.admin-password}, or a
 * generated one that is logged once and stored only hashed.
 * <p>
 * "First start" means neither a user nor {@code steppewatch-cli} is stored: deleting the users later does not
 * bring back an admin with a new password while the CLI client still holds the old one.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    static final String ADMIN = "admin";

    private final AuthProperties properties;
    private final UserStore users;
    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder encoder;

    Bootstrap(AuthProperties properties, UserStore users, MongoRegisteredClientRepository clients,
              PasswordEncoder encoder) {
        this.properties = properties;
        this.users = users;
        this.clients = clients;
        this.encoder = encoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        registerConsole();
        if (users.isEmpty() && clients.find(Clients.CLI).isEmpty()) {
            createAdmin();
        }
    }

    private void registerConsole() {
        Instant createdAt = clients.find(Clients.CONSOLE).map(c -> c.getClientIdIssuedAt()).orElseGet(Instant::now);
        clients.save(Clients.console(properties.consoleRedirectUris(), createdAt));
    }

    private void createAdmin() {
        boolean generated = properties.adminPassword().isEmpty();
        String password = generated ? Secrets.generate() : properties.adminPassword();
        if (Secrets.tooLong(password)) {
            throw new IllegalStateException("STEPPEWATCH_ADMIN_PASSWORD is longer than " + Secrets.MAX_BYTES
                    + " bytes, which bcrypt cannot hash: choose a shorter one");
        }
        String hash = encoder.encode(password);
        boolean userCreated = users.insert(ADMIN, hash, Role.all());
        boolean clientCreated = clients.insert(Clients.machine(Clients.CLI, hash, Role.all()));
        if (!userCreated && !clientCreated) {
            return; // another instance bootstrapped the same database at the same moment
        }
        if (generated) {
            log.warn("FIRST START: no STEPPEWATCH_ADMIN_PASSWORD was set, so this password was generated for user "
                    + "'{}' and client '{}': {}  -- KEEP IT NOW: it is stored only hashed and will not be shown "
                    + "again", ADMIN, Clients.CLI, password);
        } else {
            log.info("First start: created user '{}' and client '{}' with every role and the password from "
                    + "STEPPEWATCH_ADMIN_PASSWORD", ADMIN, Clients.CLI);
        }
    }
}
