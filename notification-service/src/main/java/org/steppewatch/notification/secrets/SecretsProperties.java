package org.steppewatch.notification.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that protects secrets at rest comes from.
 *
 * @param key     base64 of 32 random bytes (env STEPPEWATCH_SECRET_KEY); wins over the key file
 * @param keyFile a file with the key (env STEPPEWATCH_SECRET_KEY_FILE): base64 of 32 bytes on its first
 *                line, older keys on further lines. Created, owner-readable only, when neither is set
 *                and it does not exist yet
 * @param oldKeys earlier keys, base64, still read but never written with (rotation)
 */
@ConfigurationProperties("steppewatch.secrets")
record SecretsProperties(String key, String keyFile, List<String> oldKeys) {

    static final String DEFAULT_KEY_FILE = "data/secret.key";

    SecretsProperties {
        key = key == null || key.isBlank() ? null : key.strip();
        keyFile = keyFile == null || keyFile.isBlank() ? DEFAULT_KEY_FILE : keyFile.strip();
        oldKeys = oldKeys == null ? List.of() : oldKeys.stream().filter(k -> !k.isBlank()).map(String::strip).toList();
    }
}
