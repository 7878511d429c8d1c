package org.steppewatch.notification.subscription;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.steppewatch.notification.cap.Texts;
import org.steppewatch.notification.ratelimit.RateLimits;
import org.steppewatch.notification.secrets.SecretBox;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final SubscriptionService subscriptions;
    private final RateLimits rateLimits;
    private final IdempotencyKeys idempotencyKeys;
    private final JsonMapper json;
    private final Texts texts = Texts.shipped();

    SubscriptionController(SubscriptionService subscriptions, RateLimits rateLimits, IdempotencyKeys idempotencyKeys,
                           JsonMapper json) {
        this.subscriptions = subscriptions;
        this.rateLimits = rateLimits;
        this.idempotencyKeys = idempotencyKeys;
        // the fingerprint of a body: its fields, whatever their order or spacing
        this.json = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /**
     * Every request counts against the client's limit, a refused one too: probing costs the same as subscribing.
     * With an {@code Idempotency-Key}, a repeat of the request gets the first one's answer and creates nothing.
     */
    @PostMapping
    ResponseEntity<?> create(@RequestBody SubscriptionRequest request, HttpServletRequest http,
                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        rateLimits.takeSubscription(http);
        if (idempotencyKey == null) {
            SubscriptionView created = subscriptions.create(request, !rateLimits.exempt(http));
            return ResponseEntity.created(location(created)).body(created);
        }
        String key = IdempotencyKeys.parse(idempotencyKey);
        String fingerprint = SecretBox.hash(json.writeValueAsString(json.valueToTree(request)));
        IdempotencyKeys.Answer answer = idempotencyKeys.reserve(key, fingerprint).orElse(null);
        if (answer == null) {
            try {
                SubscriptionView created = subscriptions.create(request, !rateLimits.exempt(http));
                answer = new IdempotencyKeys.Answer(location(created).toString(), json.writeValueAsString(created));
            } catch (RuntimeException e) {
                idempotencyKeys.release(key);
                throw e;
            }
            idempotencyKeys.answer(key, answer);
        }
        return ResponseEntity.created(URI.create(answer.location())).contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    private static URI location(SubscriptionView created) {
        return URI.create("/api/v1/subscriptions/" + created.id());
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

    /**
     * The owner turns a webhook that was disabled after days of failed deliveries on again, once the receiver works:
     * alerts issued from now on reach it; deliveries cancelled by the disabling stay cancelled.
     */
    @PostMapping("/{id}/enable")
    SubscriptionView enable(@PathVariable String id, @RequestHeader(name = MANAGE_TOKEN, required = false) String token) {
        return subscriptions.enable(id, token);
    }

    /**
     * The link of the confirmation mail (double opt-in). Following it changes nothing: mail
     * scanners open links by themselves, and must not confirm for anybody. A browser gets a page
     * in the subscriber's language with a button that POSTs; a program gets {@code {"id", "state"}}.
     */
    @GetMapping("/{id}/confirm")
    ResponseEntity<?> confirmPage(@PathVariable String id, @RequestParam(required = false) String token,
                                  @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return question(accept, () -> subscriptions.withConfirmToken(id, token), Subscription::active, "page.confirmed",
                "page.confirm", "page.confirm.button");
    }

    @PostMapping("/{id}/confirm")
    ResponseEntity<?> confirm(@PathVariable String id, @RequestParam(required = false) String token,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return outcome(accept, () -> subscriptions.confirm(id, token), "page.confirmed");
    }

    /** The link in every message: like the confirmation link, GET asks and POST acts. */
    @GetMapping("/{id}/unsubscribe")
    ResponseEntity<?> unsubscribePage(@PathVariable String id, @RequestParam(required = false) String token,
                                      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return question(accept, () -> subscriptions.withUnsubscribeToken(id, token),
                s -> Subscription.DELETED.equals(s.state()), "page.unsubscribed", "page.unsubscribe", "page.unsubscribe.button");
    }

    /** Also RFC 8058 one-click unsubscribe from mail clients ({@code List-Unsubscribe-Post}). */
    @PostMapping("/{id}/unsubscribe")
    ResponseEntity<?> unsubscribe(@PathVariable String id, @RequestParam(required = false) String token,
                                  @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return outcome(accept, () -> subscriptions.unsubscribe(id, token), "page.unsubscribed");
    }

    /** A page asking to confirm the action with a button that POSTs to the same link, or saying it is done already. */
    private ResponseEntity<?> question(String accept, java.util.function.Supplier<Subscription> lookup,
                                       java.util.function.Predicate<Subscription> done, String doneKey, String questionKey,
                                       String buttonKey) {
        return respond(accept, lookup, s -> {
            if (done.test(s)) {
                return page(HttpStatus.OK, s.language(), texts.text(s.language(), doneKey, s.name()), "");
            }
            String question = texts.text(s.language(), questionKey, s.name());
            // an empty action posts to the very link that was followed, token included
            String form = "<form method=\"post\" action=\"\"><button type=\"submit\">"
                    + HtmlUtils.htmlEscape(texts.text(s.language(), buttonKey)) + "</button></form>";
            return page(HttpStatus.OK, s.language(), question, form);
        });
    }

    private ResponseEntity<?> outcome(String accept, java.util.function.Supplier<Subscription> action, String pageKey) {
        return respond(accept, action, s -> page(HttpStatus.OK, s.language(), texts.text(s.language(), pageKey, s.name()), ""));
    }

    private ResponseEntity<?> respond(String accept, java.util.function.Supplier<Subscription> action,
                                      java.util.function.Function<Subscription, ResponseEntity<String>> pageOf) {
        boolean browser = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (!browser) {
            Subscription s = action.get();
            return ResponseEntity.ok(Map.of("id", s.id(), "state", s.state()));
        }
        try {
            return pageOf.apply(action.get());
        } catch (ErrorResponseException e) {
            // a person with a broken link: a page, in all three languages since we do not know theirs
            StringBuilder text = new StringBuilder();
            Texts.LANGUAGES.forEach(l -> text.append(texts.text(l, "page.invalid")).append('\n'));
            return page(HttpStatus.valueOf(e.getStatusCode().value()), "kk", text.toString().strip(), "");
        }
    }

    private static ResponseEntity<String> page(HttpStatus status, String language, String text, String form) {
        StringBuilder body = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language)
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>Steppe Watch</title></head><body>");
        for (String line : text.split("\n")) {
            body.append("<p>").append(HtmlUtils.htmlEscape(line)).append("</p>");
        }
        body.append(form).append("</body></html>\n");
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body.toString());
    }
}
