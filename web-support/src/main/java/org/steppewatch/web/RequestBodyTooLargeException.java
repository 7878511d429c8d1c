package org.steppewatch.web;

import java.io.IOException;

/**
 * A request body turned out larger than allowed while it was being read. An {@link IOException}, so it can
 * be thrown from an input stream; {@link ProblemHandler} answers it with 413 wherever it surfaces, also as
 * the cause of Spring's {@code HttpMessageNotReadableException}.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
