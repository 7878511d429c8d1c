package org.steppewatch.incident.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analyst console served at {@code /}.
 *
 * @param tileUrl         an online tile layer (e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}) under
 *                        the shipped vector layers; empty (the default) keeps the map offline
 * @param tileAttribution shown on the map with the tile layer, as its licence requires
 * @param notificationUrl where notification-service answers, for links to an alert's deliveries; empty
 *                        means the same host as the console on port 8083
 * @param clientId        the console's client at the OpenID Connect provider ({@code steppewatch.security.issuer-uri}):
 *                        a public client with authorization code and PKCE
 */
@ConfigurationProperties("steppewatch.console")
record ConsoleProperties(String tileUrl, String tileAttribution, String notificationUrl,
                         @DefaultValue("steppewatch-console") String clientId) {
}
