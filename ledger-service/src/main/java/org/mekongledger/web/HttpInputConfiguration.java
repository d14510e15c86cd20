package org.mekongledger.web;

import com.fasterxml.jackson.annotation.Nulls;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.json.JsonMapper;

/** Limits on what a request may carry, applied before any of it reaches the business. */
@Configuration(proxyBeanMethods = false)
class HttpInputConfiguration {

    /** Before Spring Security's chain (order -100) and so before the idempotency filter inside it. */
    static final int SIZE_LIMIT_ORDER = -110;

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(HttpLimits limits, ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(limits, problems));
        registration.setOrder(SIZE_LIMIT_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Jackson's own limits, far above any legitimate request (the longest text field is 500
     * characters, the deepest document a rule set's parameters) and far below what could take
     * a request thread for long.
     */
    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits(HttpLimits limits) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxRequestBytes().toBytes())
                .maxNestingDepth(32)
                .maxNumberLength(40)
                .maxStringLength(10_000)
                .maxNameLength(200)
                .maxTokenCount(500_000)
                .build());
    }

    /** A null inside a list ("documents":[null]) is refused by name instead of failing later. */
    @Bean
    JsonMapperBuilderCustomizer noNullElements() {
        return mapper -> mapper.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
    }
}
