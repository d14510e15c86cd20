package org.mekongledger.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mekongledger.axon.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 for a database outage that surfaces in a filter (the idempotency record is read and
 * written around the controller) rather than in a controller, where {@link ProblemResponses} answers it.
 * Without it such a failure reaches the container's error page as a 500. Runs before Spring Security.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private final ServiceUnavailable answer;

    DatabaseUnavailableFilter(ServiceUnavailable answer) {
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseUnavailable.causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Database unavailable handling {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.getClass().getName());
            response.resetBuffer();
            answer.write(response);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ServiceUnavailable answer) {
            FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                    new FilterRegistrationBean<>(new DatabaseUnavailableFilter(answer));
            // outside Spring Security's chain (order -100), which holds the idempotency filter
            registration.setOrder(-200);
            return registration;
        }
    }
}
