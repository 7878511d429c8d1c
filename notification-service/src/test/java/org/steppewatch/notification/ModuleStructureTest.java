package org.steppewatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages of notification-service as Spring Modulith modules (alert, subscription, delivery, feed, cap, ...):
 * no cycles between them, and no module reaching into another's internals.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(NotificationServiceApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void subscriptionsDoNotDependOnDeliveries() {
        assertThat(MODULES.getModuleByName("subscription").orElseThrow().getDirectDependencies(MODULES)
                .containsModuleNamed("delivery")).isFalse();
    }
}
