package org.steppewatch.notification.secrets;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the master keys from {@code steppewatch.secrets.key} (plus {@code old-keys}) or the key
 * file; with neither, creates the key file once (owner-only) so the one-command run starts.
 */
final class KeyRingLoader {

    private static final Logger log = LoggerFactory.getLogger(KeyRingLoader.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyRingLoader() {
    }

    static KeyRing load(SecretsProperties properties) {
        List<byte[]> old = new ArrayList<>();
        for (int i = 0; i < properties.oldKeys().size(); i++) {
            old.add(KeyRing.decode(properties.oldKeys().get(i), "steppewatch.secrets.old-keys[" + i + "]"));
        }
        if (properties.key() != null) {
            return KeyRing.of(KeyRing.decode(properties.key(), "steppewatch.secrets.key (STEPPEWATCH_SECRET_KEY)"), old);
        }
        Path file = Path.of(properties.keyFile());
        if (!Files.exists(file)) {
            create(file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, US_ASCII).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secrets key file " + file.toAbsolutePath() + ": " + e, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("the secrets key file " + file.toAbsolutePath() + " holds no key");
        }
        warnIfReadableByOthers(file);
        for (int i = 1; i < lines.size(); i++) {
            old.add(KeyRing.decode(lines.get(i), file.toAbsolutePath() + " line " + (i + 1)));
        }
        return KeyRing.of(KeyRing.decode(lines.get(0), "the secrets key file " + file.toAbsolutePath()), old);
    }

    private static void create(Path file) {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] content = ("# Steppe Watch notification-service: the key of the secrets at rest (AES-256). Keep it and back it up;\n"
                + "# without it the stored webhook secrets cannot be read. Older keys (rotation) go on further lines.\n"
                + Base64.getEncoder().encodeToString(key) + "\n").getBytes(US_ASCII);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // created with its permissions: never readable by others, not even for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.write(file, content);
        } catch (FileAlreadyExistsException e) {
            // another instance created it at the same moment: read theirs
            return;
        } catch (IOException e) {
            throw new IllegalStateException("no secrets key is configured and " + file.toAbsolutePath()
                    + " cannot be created: " + e, e);
        }
        log.warn("No secrets key configured (STEPPEWATCH_SECRET_KEY or STEPPEWATCH_SECRET_KEY_FILE): generated one in {} "
                + "(owner-only). Keep and back up this file: webhook secrets are encrypted with it.", file.toAbsolutePath());
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                log.warn("the secrets key file {} is readable by others than its owner: chmod 600 it", file.toAbsolutePath());
            }
        } catch (IOException e) {
            log.debug("cannot read the permissions of {}: {}", file, e.toString());
        }
    }
}
