package org.steppewatch.notification.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key CAP documents are signed with.
 *
 * @param signingKeyFile a PEM file with a PKCS#8 {@code PRIVATE KEY} (RSA, or EC P-256 together with its
 *                       {@code PUBLIC KEY}); env STEPPEWATCH_CAP_SIGNING_KEY_FILE. Unset, a key is
 *                       generated once and kept in MongoDB, shared by every instance
 */
@ConfigurationProperties("steppewatch.cap")
record CapSigningProperties(String signingKeyFile) {

    CapSigningProperties {
        signingKeyFile = signingKeyFile == null || signingKeyFile.isBlank() ? null : signingKeyFile.strip();
    }
}
