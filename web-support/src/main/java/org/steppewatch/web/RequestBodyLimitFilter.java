package org.steppewatch.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over the limit with a 413 problem, whether the client declared a Content-Length
 * or streamed the body chunked, before anything parses or stores them. The limit is
 * {@code steppewatch.web.max-body-size} (default 1MB), or that of the first of {@code steppewatch.web.body-limits}
 * whose path pattern matches.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final Map<String, Long> pathLimits;
    private final JsonMapper json;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public RequestBodyLimitFilter(long limit, JsonMapper json) {
        this(limit, Map.of(), json);
    }

    /** @param pathLimits Ant path pattern to limit in bytes, tried in order */
    public RequestBodyLimitFilter(long limit, Map<String, Long> pathLimits, JsonMapper json) {
        this.limit = limit;
        this.pathLimits = new LinkedHashMap<>(pathLimits);
        this.json = json;
    }

    /** The default limit in bytes. */
    public long limit() {
        return limit;
    }

    /** The limit for the request's path. */
    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return pathLimits.entrySet().stream().filter(e -> matcher.match(e.getKey(), path)).map(Map.Entry::getValue)
                .findFirst().orElse(limit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long allowed = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > allowed) {
            refuse(request, response, allowed);
            return;
        }
        if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // the container delivers no more than the declared length; without either header there is no body
            chain.doFilter(request, response);
            return;
        }
        // a chunked body has no declared length: read at most one byte past the limit to find out
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, allowed + 1));
        if (body.length > allowed) {
            refuse(request, response, allowed);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the unread rest of the body makes the connection unusable for another request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        write(request, response, Problems.payloadTooLarge(limit).getBody(), json);
    }

    /** A problem written outside Spring MVC, by a filter: the same members its message converter would write. */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, JsonMapper json)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        if (problem.getType() != null) {
            document.put("type", problem.getType().toString());
        }
        document.put("title", problem.getTitle());
        document.put("status", problem.getStatus());
        document.put("detail", problem.getDetail());
        instance(request).ifPresent(uri -> document.put("instance", uri));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), document);
    }

    private static Optional<String> instance(HttpServletRequest request) {
        try {
            return Optional.of(URI.create(request.getRequestURI()).toString());
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    /** The request with its body already read into memory (at most the limit). */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
