package org.steppewatch.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.steppewatch.web.opendata.OpenDataConverters;
import org.steppewatch.web.opendata.OpenDataProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * The REST error handling every servlet service shares, active by depending on this module: {@link ProblemHandler},
 * the {@link RequestBodyLimitFilter}, strict JSON reading ({@link StrictJsonCustomizer}) and the pages'
 * {@link ContentSecurityPolicyFilter}, and the open-data formats of the public lists ({@link OpenDataConverters}).
 * <p>
 * Before {@link WebMvcAutoConfiguration}, so Boot's own {@code ProblemDetailsExceptionHandler}
 * ({@code spring.mvc.problemdetails.enabled}) sees ours and backs off; ours in turn backs off when the
 * application declares its own {@link ResponseEntityExceptionHandler}.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({WebSupportProperties.class, OpenDataProperties.class})
public class WebSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemHandler steppeWatchProblemHandler() {
        return new ProblemHandler();
    }

    /** CSV and GeoJSON for every controller method returning an OpenDataList. */
    @Bean
    OpenDataConverters steppeWatchOpenDataConverters(OpenDataProperties properties) {
        return new OpenDataConverters(properties);
    }

    @Bean
    StrictJsonCustomizer steppeWatchStrictJsonCustomizer() {
        return new StrictJsonCustomizer();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestPathFilter steppeWatchRequestPathFilter(ObjectProvider<JsonMapper> json) {
        return new RequestPathFilter(json.getIfAvailable(JsonMapper::shared));
    }

    /** The pages' Content-Security-Policy; off unless the service names its page paths. */
    @Bean
    @ConditionalOnMissingBean
    ContentSecurityPolicyFilter steppeWatchContentSecurityPolicyFilter(WebSupportProperties properties) {
        return new ContentSecurityPolicyFilter(properties.csp());
    }

    @Bean
    @ConditionalOnMissingBean
    RequestBodyLimitFilter steppeWatchRequestBodyLimitFilter(WebSupportProperties properties,
                                                             ObjectProvider<JsonMapper> json) {
        Map<String, Long> pathLimits = new LinkedHashMap<>();
        properties.bodyLimits().forEach(l -> pathLimits.put(l.path(), l.maxSize().toBytes()));
        return new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), pathLimits,
                json.getIfAvailable(JsonMapper::shared));
    }
}
