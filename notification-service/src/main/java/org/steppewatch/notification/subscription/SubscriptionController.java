package org.steppewatch.notification.subscription;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionRequest request) {
        SubscriptionView created = subscriptions.create(request);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable String id, @RequestHeader(name = MANAGE_TOKEN, required = false) String token) {
        return subscriptions.get(id, token);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(name = MANAGE_TOKEN, required = false) String token) {
        subscriptions.delete(id, token);
        return ResponseEntity.noContent().build();
    }
}
