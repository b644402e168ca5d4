package org.clinicflow.platform.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers the request's trace id in {@value CorrelationId#HEADER}. It runs just after Spring's server observation
 * filter, which has started (or continued, from the caller's traceparent) the trace by then. A correlation id the
 * caller sends is not read: the trace context is the only one (ADR 22).
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CorrelationId.current().ifPresent(id -> response.setHeader(CorrelationId.HEADER, id));
        chain.doFilter(request, response);
    }
}
