package org.steppewatch.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: an unknown field is an error ({@link ProblemHandler} names it), not
 * silently dropped, so a typo like {@code windFrom} cannot mean "no wind" and a worst-case alarm; anything
 * after the document is refused too. Runs after Boot's own customizer, so
 * {@code spring.jackson.*} properties cannot quietly loosen it.
 * <p>
 * Only Spring's {@link JsonMapper} (REST bodies); Kafka events are read by the contracts' own mapper,
 * which tolerates the fields a newer producer adds.
 */
final class StrictJsonCustomizer implements JsonMapperBuilderCustomizer, Ordered {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
