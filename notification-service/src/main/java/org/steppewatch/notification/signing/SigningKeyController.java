package org.steppewatch.notification.signing;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.web.Problems;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public keys CAP signatures are checked with, public (partners need no account). A signature's
 * {@code KeyName} is the {@code kid} here; keys that signed earlier alerts stay listed.
 */
@RestController
@RequestMapping("/api/v1/keys/cap")
class SigningKeyController {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final CapSigningKeys keys;
    private final PublicLinks links;

    SigningKeyController(CapSigningKeys keys, PublicLinks links) {
        this.keys = keys;
        this.links = links;
    }

    /**
     * @param algorithm the XML-DSig SignatureMethod URI
     * @param publicKey SubjectPublicKeyInfo PEM, as {@code xmlsec1 --pubkey-pem} and Java's X509EncodedKeySpec read it
     * @param active    true for the key new alerts are signed with
     */
    record PublishedKey(String kid, String algorithm, String publicKey, Instant created, boolean active, String pemUrl) {
    }

    @GetMapping
    List<PublishedKey> list() {
        String active = keys.active().kid();
        return keys.published().stream().map(k -> view(k, active)).toList();
    }

    @GetMapping("/{kid}.pem")
    ResponseEntity<String> pem(@PathVariable String kid) {
        SigningKey key = keys.published(kid).orElseThrow(() -> Problems.notFound("no CAP signing key " + kid));
        return ResponseEntity.ok().contentType(PEM).body(Pem.publicPem(key.publicKey()));
    }

    /** Admins only: a new generated key signs from now on; the old one stays published. */
    @PostMapping
    ResponseEntity<PublishedKey> rotate(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in required", "rotating the CAP signing key needs the admin role");
        }
        if (!request.isUserInRole("admin")) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "rotating the CAP signing key needs the admin role");
        }
        if (keys.fromFile()) {
            throw Problems.conflict("the CAP signing key comes from steppewatch.cap.signing-key-file: replace the file and restart");
        }
        SigningKey key = keys.rotate();
        return ResponseEntity.status(HttpStatus.CREATED).body(view(key, key.kid()));
    }

    private PublishedKey view(SigningKey key, String activeKid) {
        return new PublishedKey(key.kid(), key.algorithm(), Pem.publicPem(key.publicKey()), key.created(),
                key.kid().equals(activeKid), links.base() + "/api/v1/keys/cap/" + key.kid() + ".pem");
    }
}
