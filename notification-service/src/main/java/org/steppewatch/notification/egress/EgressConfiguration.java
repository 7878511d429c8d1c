package org.steppewatch.notification.egress;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EgressConfiguration {

    /** The system resolver; a test declares its own as {@code @Primary}. */
    @Bean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }
}
