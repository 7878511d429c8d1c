package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.steppewatch.local.SteppeWatchStack.Service;

class LaunchedServicesTest {

    @Test
    void aSecondNotificationServiceIsNamedAlone() {
        assertThat(SteppeWatchLocal.services("notification")).containsExactly(Service.NOTIFICATION);
    }

    @Test
    void namesAreCaseBlindAndMayCarrySpaces() {
        assertThat(SteppeWatchLocal.services(" Incident , ANALYSIS,notification "))
                .containsExactly(Service.INCIDENT, Service.ANALYSIS, Service.NOTIFICATION);
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> SteppeWatchLocal.services("incident,notifications"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'notifications'")
                .hasMessageContaining("auth, incident, analysis, notification");
    }
}
