package org.steppewatch.analysis;

import static org.springframework.http.HttpMethod.DELETE;
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
 * Who may do what on analysis-service: assessments, settlements, drop zones, substances and reference-data
 * versions are public reads; replacing reference data (which changes every later assessment) is for admins.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecuritySupportConfiguration.class)
class AccessRules {

    @Bean
    SecurityFilterChain analysisSecurity(HttpSecurity http, ServiceSecurity security) {
        return security.chain(http, requests -> requests
                // dead letters (eventing's admin API): what they hold is not public, replaying them is an admin's call
                .requestMatchers("/api/v1/dead-letters", "/api/v1/dead-letters/**").hasRole(Roles.ADMIN)
                .requestMatchers(POST, "/api/v1/settlements/import").hasRole(Roles.ADMIN)
                .requestMatchers(DELETE, "/api/v1/settlements/imported").hasRole(Roles.ADMIN)
                .requestMatchers(PUT, "/api/v1/fall-zones").hasRole(Roles.ADMIN)
                .requestMatchers(DELETE, "/api/v1/fall-zones").hasRole(Roles.ADMIN));
    }
}
