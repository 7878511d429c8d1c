package org.steppewatch.auth.user;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
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
import org.steppewatch.auth.user.UserStore.StoredUser;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/** The people who may sign in, and their roles. Role {@code admin} only (see the security configuration). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserStore users;
    private final PasswordEncoder encoder;

    UserController(UserStore users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    record NewUser(String username, String password, List<String> roles) {
    }

    @GetMapping
    List<StoredUser> list() {
        return users.findAll();
    }

    @PostMapping
    ResponseEntity<StoredUser> create(@RequestBody NewUser request) {
        List<FieldProblem> errors = new ArrayList<>();
        Names.check(request.username(), "username", errors);
        checkPassword(request.password(), errors);
        List<String> roles = Role.parse(request.roles(), "roles", errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        if (!users.insert(request.username(), encoder.encode(request.password()), roles)) {
            throw Problems.conflict("A user named '" + request.username() + "' exists already.");
        }
        StoredUser created = users.find(request.username()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @PutMapping("/{username}/roles")
    StoredUser setRoles(@PathVariable String username, @RequestBody RolesRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        List<String> roles = Role.parse(request.roles(), "roles", errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        if (!users.setRoles(username, roles)) {
            throw Problems.notFound("There is no user named '" + username + "'.");
        }
        return users.find(username).orElseThrow();
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        if (!users.delete(username)) {
            throw Problems.notFound("There is no user named '" + username + "'.");
        }
        return ResponseEntity.noContent().build();
    }

    private static void checkPassword(String password, List<FieldProblem> errors) {
        if (password == null || password.length() < Secrets.MIN_LENGTH) {
            errors.add(new FieldProblem("password", "at least " + Secrets.MIN_LENGTH + " characters"));
        } else if (Secrets.tooLong(password)) {
            errors.add(new FieldProblem("password", "at most " + Secrets.MAX_BYTES + " bytes in UTF-8"));
        }
    }
}
