package org.steppewatch.notification.egress;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where webhooks may go.
 *
 * @param allow CIDR blocks (or single addresses) that webhooks may reach although the address policy
 *              refuses them, e.g. {@code 127.0.0.0/8,::1/128} for receivers on this machine, or a
 *              partner's private range behind a VPN; empty (the default) allows public addresses only
 */
@ConfigurationProperties("steppewatch.webhook")
public record WebhookProperties(List<String> allow) {

    public WebhookProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
    }
}
