package org.steppewatch.notification.notice;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.notification.delivery.DeliveryStore;
import org.steppewatch.notification.delivery.DeliveryView;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/** Contamination notices, public like alerts: the list, one notice with its delivery counts, its CAP document. */
@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {

    private static final int MAX_SIZE = 500;
    private static final int MAX_DELIVERIES = 10_000;
    private static final MediaType CAP = new MediaType("application", "cap+xml", StandardCharsets.UTF_8);

    private final NoticeStore notices;
    private final DeliveryStore deliveries;

    NoticeController(NoticeStore notices, DeliveryStore deliveries) {
        this.notices = notices;
        this.deliveries = deliveries;
    }

    /** Newest first, {@code size} at a time (default 50, at most 500); {@code siteId} narrows to one site. */
    @GetMapping
    NoticePage list(@RequestParam(required = false) String siteId, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw Problems.invalid("page must be 0 or more and size 1 to " + MAX_SIZE, List.of(
                    new FieldProblem(page < 0 ? "page" : "size", page < 0 ? "must be 0 or more" : "must be 1 to " + MAX_SIZE)));
        }
        return notices.page(siteId == null || siteId.isBlank() ? null : siteId, page, size);
    }

    /** The notice and how many of its deliveries are in each state (who they went to is not public). */
    @GetMapping("/{id}")
    NoticeView get(@PathVariable String id) {
        return notices.find(id).orElseThrow(() -> Problems.notFound("no notice " + id))
                .withDeliveries(deliveries.countsByState(id));
    }

    /** The signed CAP 1.2 document as issued ({@code application/cap+xml}), valid against the OASIS schema. */
    @GetMapping("/{id}/cap")
    ResponseEntity<String> cap(@PathVariable String id) {
        String xml = notices.cap(id).orElseThrow(() -> Problems.notFound("no notice " + id));
        return ResponseEntity.ok().contentType(CAP).body(xml);
    }

    /**
     * Issuers and admins (see AccessRules): every delivery of the notice with every attempt, in id order, as for an
     * alert's deliveries; {@code after} = the last id of the previous page.
     */
    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) String after,
                                  @RequestParam(defaultValue = "1000") int limit) {
        if (notices.cap(id).isEmpty()) {
            throw Problems.notFound("no notice " + id);
        }
        return deliveries.forAlert(id, after == null || after.isBlank() ? null : after,
                Math.max(1, Math.min(limit, MAX_DELIVERIES)));
    }
}
