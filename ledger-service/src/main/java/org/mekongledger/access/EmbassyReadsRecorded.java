package org.mekongledger.access;

import org.mekongledger.audit.AuditTrail;
import org.mekongledger.security.Officer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records every successful read of a worker named in the path (the worker, their ledger, their
 * entitlements, and whatever such endpoint comes next) into the audit trail, just before the answer
 * is written: if it cannot be recorded, the answer is not sent. {@link AuditTrail} keeps only
 * embassy officers' reads. Lists record their workers themselves.
 */
@RestControllerAdvice
class EmbassyReadsRecorded implements ResponseBodyAdvice<Object> {

    private final AuditTrail audit;

    EmbassyReadsRecorded(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || !HttpMethod.GET.equals(request.getMethod())
                || !(request instanceof ServletServerHttpRequest servlet)
                || response instanceof ServletServerHttpResponse answer && answer.getServletResponse().getStatus() >= 300) {
            return body;
        }
        String workerId = EmbassyScope.namedWorker(servlet.getServletRequest());
        if (workerId != null) {
            audit.recordRead(Officer.current(), workerId, servlet.getServletRequest().getRequestURI());
        }
        return body;
    }
}
