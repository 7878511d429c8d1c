package org.steppewatch.notification;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.steppewatch.security.Roles;
import org.steppewatch.security.SecuritySupportConfiguration;
import org.steppewatch.security.ServiceSecurity;

/**
 * Who may do what on notification-service. Anyone may subscribe and manage their own subscription (the manage
 * token or the link mailed to them is the proof, checked by the subscription feature); alerts, notices, CAP, the
 * feeds and the page are public. Who received an alert or a notice, recipient by recipient, is for issuers and
 * admins: the public sees counts. Drafts (alerts awaiting an issuer) are listed for any signed-in role; only an issuer approves or rejects
 * one. Sending FAILED deliveries again (redrive) is for admins.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecuritySupportConfiguration.class)
class AccessRules {

    @Bean
    SecurityFilterChain notificationSecurity(HttpSecurity http, ServiceSecurity security) {
        return security.chain(http, requests -> requests
                // dead letters (eventing's admin API): what they hold is not public, replaying them is an admin's call
                .requestMatchers("/api/v1/dead-letters", "/api/v1/dead-letters/**").hasRole(Roles.ADMIN)
                .requestMatchers(POST, "/api/v1/subscriptions", "/api/v1/subscriptions/*/confirm",
                        "/api/v1/subscriptions/*/unsubscribe", "/api/v1/subscriptions/*/enable").permitAll()
                .requestMatchers(DELETE, "/api/v1/subscriptions/*").permitAll()
                .requestMatchers(GET, "/api/v1/alerts/*/deliveries", "/api/v1/notices/*/deliveries")
                        .hasAnyRole(Roles.ISSUER, Roles.ADMIN)
                .requestMatchers(POST, "/api/v1/deliveries/redrive").hasRole(Roles.ADMIN)
                .requestMatchers(POST, "/api/v1/alerts/*/approval", "/api/v1/alerts/*/rejection").hasRole(Roles.ISSUER)
                .requestMatchers(draftListing()).hasAnyRole(Roles.ANALYST, Roles.ISSUER, Roles.ADMIN));
    }

    /** {@code GET /api/v1/alerts?status=…}: the drafts (or rejected drafts), never public. */
    private static RequestMatcher draftListing() {
        RequestMatcher alerts = PathPatternRequestMatcher.withDefaults().matcher(GET, "/api/v1/alerts");
        return request -> alerts.matches(request) && request.getParameter("status") != null
                && !request.getParameter("status").isBlank();
    }
}
