package org.steppewatch.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steppewatch.security.*}: which OpenID Connect provider's tokens a service accepts.
 *
 * @param issuerUri   the provider's issuer; tokens must carry exactly this {@code iss}, and its discovery document
 *                    names the keys (env {@code STEPPEWATCH_ISSUER_URI}; the embedded provider by default)
 * @param jwkSetUri   where to fetch the keys instead, when the services reach the provider at another address than
 *                    the public issuer (a container network); {@code iss} is still checked against {@code issuerUri}
 * @param corsOrigins origins whose pages may call this API with a token (the analyst console, the community page)
 */
@ConfigurationProperties("steppewatch.security")
public record SecurityProperties(@DefaultValue("http://localhost:8084") String issuerUri,
                                 @DefaultValue("") String jwkSetUri,
                                 @DefaultValue({"http://localhost:8081", "http://localhost:8083"}) List<String> corsOrigins) {
}
