package org.steppewatch.notification.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.web.Problems;

/** Admins send FAILED deliveries again: one delivery, one alert's, one subscription's, or all failed since a time. */
@RestController
@RequestMapping("/api/v1/deliveries")
class RedriveController {

    /** Exactly one of the four selects what is redriven. */
    record RedriveRequest(String deliveryId, String alertId, String subscriptionId, Instant failedSince) {
    }

    private final Redrive redrive;

    RedriveController(Redrive redrive) {
        this.redrive = redrive;
    }

    /** @return {@code {"redriven": n, "skipped": m}}, skipped: FAILED deliveries of alerts a newer message replaced */
    @PostMapping("/redrive")
    Map<String, Long> redrive(@RequestBody RedriveRequest body) {
        RedriveRequest request = new RedriveRequest(blankless(body.deliveryId()), blankless(body.alertId()),
                blankless(body.subscriptionId()), body.failedSince());
        long given = Stream.of(request.deliveryId(), request.alertId(), request.subscriptionId(), request.failedSince())
                .filter(v -> v != null).count();
        if (given != 1) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "One selector needed",
                    "give exactly one of deliveryId, alertId, subscriptionId, failedSince (an ISO-8601 instant); "
                            + (given == 0 ? "none was given" : given + " were given") + "; nothing was redriven");
        }
        Redrive.Result result = request.deliveryId() != null ? redrive.delivery(request.deliveryId())
                : request.alertId() != null ? redrive.ofAlert(request.alertId())
                : request.subscriptionId() != null ? redrive.ofSubscription(request.subscriptionId())
                : redrive.failedSince(request.failedSince());
        Map<String, Long> answer = new LinkedHashMap<>();
        answer.put("redriven", result.redriven());
        answer.put("skipped", result.skipped());
        return answer;
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
