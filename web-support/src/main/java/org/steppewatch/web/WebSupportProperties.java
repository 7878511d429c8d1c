package org.steppewatch.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize request bodies larger than this are refused with 413 before they are parsed (default 1MB)
 */
@ConfigurationProperties("steppewatch.web")
public record WebSupportProperties(DataSize maxBodySize) {

    public WebSupportProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
