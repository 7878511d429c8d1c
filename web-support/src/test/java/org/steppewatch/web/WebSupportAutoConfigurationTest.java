package org.steppewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

class WebSupportAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebSupportAutoConfiguration.class, JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class))
            .withPropertyValues("spring.mvc.problemdetails.enabled=true");

    @Test
    void aServletApplicationGetsTheHandlerAndTheFilterInsteadOfBootsProblemHandler() {
        web.run(context -> {
            assertThat(context).hasSingleBean(ResponseEntityExceptionHandler.class);
            assertThat(context).getBean(ResponseEntityExceptionHandler.class).isInstanceOf(ProblemHandler.class);
            assertThat(context).getBean(RequestBodyLimitFilter.class).extracting(RequestBodyLimitFilter::limit)
                    .isEqualTo(1024L * 1024);
        });
    }

    @Test
    void theLimitComesFromSteppewatchWebMaxBodySize() {
        web.withPropertyValues("steppewatch.web.max-body-size=256KB").run(context ->
                assertThat(context.getBean(RequestBodyLimitFilter.class).limit()).isEqualTo(256L * 1024));
    }

    @Test
    void anApplicationsOwnResponseEntityExceptionHandlerWins() {
        web.withUserConfiguration(OwnHandler.class).run(context -> {
            assertThat(context).hasSingleBean(ResponseEntityExceptionHandler.class);
            assertThat(context).doesNotHaveBean(ProblemHandler.class);
            assertThat(context).hasSingleBean(RequestBodyLimitFilter.class);
        });
    }

    @Test
    void aNonWebApplicationGetsNothing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebSupportAutoConfiguration.class, JacksonAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ProblemHandler.class);
                    assertThat(context).doesNotHaveBean(RequestBodyLimitFilter.class);
                });
    }

    @RestControllerAdvice
    static class OwnHandler extends ResponseEntityExceptionHandler {
    }
}
