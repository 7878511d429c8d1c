package org.steppewatch.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A minimal servlet application with nothing but Boot's auto-configuration (so web-support's too) and a
 * small API that fails in every way the handler knows.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TestApplication.OrderApi.class, TestApplication.TeapotAdvice.class})
class TestApplication {

    record Item(String code, double massKg) {
    }

    record Order(String name, List<Item> items) {
    }

    /** Counts the bodies that reached a controller, to prove refused ones did not. */
    @Bean
    AtomicInteger accepted() {
        return new AtomicInteger();
    }

    static class TeapotException extends RuntimeException {
    }

    @RestController
    static class OrderApi {

        private final AtomicInteger accepted;

        OrderApi(AtomicInteger accepted) {
            this.accepted = accepted;
        }

        @PostMapping("/api/orders")
        Order create(@RequestBody Order order) {
            accepted.incrementAndGet();
            return order;
        }

        @GetMapping("/api/orders/{id}")
        Order read(@PathVariable String id) {
            throw Problems.notFound("No order with id " + id + ".");
        }

        @PutMapping("/api/orders/{id}")
        Order revise(@PathVariable String id) {
            throw Problems.preconditionFailed("If-Match \"1\" does not match the current ETag \"2\".", 2);
        }

        @PostMapping("/api/orders/check")
        Order check() {
            throw Problems.invalid(List.of(new FieldProblem("name", "is required"),
                    new FieldProblem("items[0].massKg", "must be positive")));
        }

        @PostMapping("/api/uploads/direct")
        void directlyTooLarge() throws RequestBodyTooLargeException {
            throw new RequestBodyTooLargeException(4096);
        }

        @PostMapping("/api/uploads/converted")
        void tooLargeWhileConverting() {
            throw new HttpMessageNotReadableException("I/O error while reading input message",
                    new RequestBodyTooLargeException(1024 * 1024), null);
        }

        @GetMapping("/api/boom")
        void boom() {
            throw new IllegalStateException("cannot reach mongodb://admin:hunter2@db.internal:27017");
        }

        @GetMapping("/api/teapot")
        void teapot() {
            throw new TeapotException();
        }
    }

    /** An advice of the application itself: it must get the first say over web-support's catch-all. */
    @RestControllerAdvice
    static class TeapotAdvice {

        @ExceptionHandler(TeapotException.class)
        ProblemDetail teapot() {
            return ProblemDetail.forStatusAndDetail(HttpStatus.I_AM_A_TEAPOT, "short and stout");
        }
    }
}
