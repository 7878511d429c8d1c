package org.steppewatch.eventing.deadletter;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of dead letters, the same in every service: {@code GET /api/v1/dead-letters} lists what waits in
 * the dead-letter topics of the topics the service consumes, {@code POST /api/v1/dead-letters/replay} sends one
 * ({@code {"topic", "partition", "offset"}}) or all of them back. Admin only: each service's AccessRules say so.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record Listing(List<String> topics, int count, List<DeadLetter> deadLetters) {
    }

    record ReplayRequest(String topic, Integer partition, Long offset) {
    }

    @GetMapping
    Listing list() {
        List<DeadLetter> waiting = deadLetters.waiting();
        return new Listing(deadLetters.topics(), waiting.size(), waiting);
    }

    @PostMapping("/replay")
    ResponseEntity<DeadLetters.Replayed> replay(@RequestBody(required = false) ReplayRequest request) {
        if (request == null || request.topic() == null && request.partition() == null && request.offset() == null) {
            return ResponseEntity.ok(deadLetters.replay(null, null, null));
        }
        if (request.topic() == null || request.partition() == null || request.offset() == null) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "Name a dead letter with topic, partition and offset, or send no body to replay all.");
        }
        DeadLetters.Replayed replayed = deadLetters.replay(request.topic(), request.partition(), request.offset());
        if (replayed.replayed() == 0 && replayed.failed() == 0) {
            if (!replayed.busy().isEmpty()) {
                throw problem(HttpStatus.CONFLICT, "Conflict", "Another replay of " + replayed.busy() + " is running.");
            }
            throw problem(HttpStatus.NOT_FOUND, "Not found", "No dead letter waits at " + request.topic() + "/"
                    + request.partition() + "@" + request.offset() + ".");
        }
        return ResponseEntity.ok(replayed);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
