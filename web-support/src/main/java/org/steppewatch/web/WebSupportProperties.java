package org.steppewatch.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize request bodies larger than this are refused with 413 before they are parsed (default 1MB)
 * @param bodyLimits  other limits for some paths, e.g. an import endpoint that takes a whole data dump
 * @param csp         the Content-Security-Policy of the service's pages
 */
@ConfigurationProperties("steppewatch.web")
public record WebSupportProperties(DataSize maxBodySize, List<BodyLimit> bodyLimits, Csp csp) {

    public WebSupportProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        bodyLimits = bodyLimits == null ? List.of() : List.copyOf(bodyLimits);
        csp = csp == null ? new Csp(null, null, null) : csp;
    }

    /**
     * @param path    an Ant pattern of request paths
     * @param maxSize their limit instead of {@code max-body-size}
     */
    public record BodyLimit(String path, DataSize maxSize) {
    }

    /**
     * @param pagePaths  the paths (Ant patterns) of the service's HTML pages; none: no header at all
     * @param connectSrc origins besides the page's own that its scripts may call (other services, the sign-in
     *                   provider), e.g. {@code http://localhost:8083}
     * @param imgSrc     image sources besides {@code 'self'} and {@code data:}, e.g. a tile server
     */
    public record Csp(List<String> pagePaths, List<String> connectSrc, List<String> imgSrc) {

        public Csp {
            pagePaths = pagePaths == null ? List.of() : List.copyOf(pagePaths);
            connectSrc = connectSrc == null ? List.of() : connectSrc.stream().filter(s -> !s.isBlank()).toList();
            imgSrc = imgSrc == null ? List.of() : imgSrc.stream().filter(s -> !s.isBlank()).toList();
        }
    }
}
