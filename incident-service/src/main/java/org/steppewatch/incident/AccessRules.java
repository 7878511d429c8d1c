package org.steppewatch.incident;

import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.steppewatch.security.Roles;
import org.steppewatch.security.SecuritySupportConfiguration;
import org.steppewatch.security.ServiceSecurity;

/**
 * Who may do what on incident-service. Reading incidents, assessments, alerts, the map layers, the live stream
 * and the console is public (the public's right to environmental information); reporting, revising and
 * retracting need an analyst, or an issuer (whose reports go out at once). So does recording contaminated sites,
 * sampling campaigns, results and facilities; reading them is public.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecuritySupportConfiguration.class)
class AccessRules {

    @Bean
    SecurityFilterChain incidentSecurity(HttpSecurity http, ServiceSecurity security) {
        return security.chain(http, requests -> requests
                // dead letters (eventing's admin API): what they hold is not public, replaying them is an admin's call
                .requestMatchers("/api/v1/dead-letters", "/api/v1/dead-letters/**").hasRole(Roles.ADMIN)
                .requestMatchers(POST, "/api/v1/incidents", "/api/v1/incidents/*/retraction")
                .hasAnyRole(Roles.ANALYST, Roles.ISSUER)
                .requestMatchers(PUT, "/api/v1/incidents/*").hasAnyRole(Roles.ANALYST, Roles.ISSUER)
                // what analysts record about contamination: sites, campaigns, results (one or a CSV), facilities
                .requestMatchers(POST, "/api/v1/sites", "/api/v1/campaigns", "/api/v1/results", "/api/v1/results/import",
                        "/api/v1/facilities", "/api/v1/facilities/import")
                .hasAnyRole(Roles.ANALYST, Roles.ISSUER));
    }
}
