package org.clinicflow.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.clinicflow.platform.correlation.CorrelationId;
import org.clinicflow.platform.rules.RefusedByRule;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the audit record of every call to an {@link Audited} method.
 * <p>
 * It runs outside method security (so a call refused by {@code @PreAuthorize} is recorded) and opens the transaction
 * that the method's own work joins. An allowed call's record is written inside that transaction, just before it
 * commits: the change and its record are kept together or not at all. A refused or failed call rolls that transaction
 * back, and its record is then written in a transaction of its own, so the attempt is kept although its work is not.
 */
class AuditingInterceptor implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditingInterceptor.class);
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final DefaultParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private final AuditTrail trail;
    private final TransactionTemplate work;
    private final TransactionTemplate separately;
    private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

    AuditingInterceptor(AuditTrail trail, PlatformTransactionManager transactions) {
        this.trail = trail;
        this.work = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        var method = AopUtils.getMostSpecificMethod(invocation.getMethod(), invocation.getThis() == null
                ? invocation.getMethod().getDeclaringClass() : invocation.getThis().getClass());
        var audited = AnnotatedElementUtils.findMergedAnnotation(method, Audited.class);
        if (audited == null) {
            return invocation.proceed();
        }
        var scope = AuditScope.open();
        try {
            return work.execute(status -> {
                Object result = proceed(invocation);
                trail.write(entry(audited, method, invocation, result, scope, AuditOutcome.ALLOWED,
                        statusOf(method, result), null));
                return result;
            });
        } catch (Failure failure) {
            recordFailure(audited, method, invocation, scope, failure.getCause());
            throw failure.getCause();
        } catch (RuntimeException | Error e) {
            // Thrown while committing: the work is not kept, and neither is its "allowed" record.
            recordFailure(audited, method, invocation, scope, e);
            throw e;
        } finally {
            scope.close();
        }
    }

    private void recordFailure(Audited audited, Method method, MethodInvocation invocation, AuditScope scope,
                               Throwable cause) {
        var outcome = refused(cause) ? AuditOutcome.REFUSED : AuditOutcome.FAILED;
        if (cause instanceof HiddenRecordException hidden) {
            AuditScope.patient(hidden.patientId());
        }
        try {
            separately.executeWithoutResult(status -> trail.write(entry(audited, method, invocation, null, scope,
                    outcome, statusOf(cause), cause)));
        } catch (RuntimeException auditFailure) {
            // The caller gets the original error; the lost record is worth an alarm of its own.
            log.error("Could not write the audit record of a {} call to {}: {}", outcome, operation(method),
                    auditFailure.toString());
        }
    }

    private static Object proceed(MethodInvocation invocation) {
        try {
            return invocation.proceed();
        } catch (Throwable e) {
            throw new Failure(e);
        }
    }

    private AuditEntry entry(Audited audited, Method method, MethodInvocation invocation, Object result,
                             AuditScope scope, AuditOutcome outcome, Integer httpStatus, Throwable cause) {
        var context = new MethodBasedEvaluationContext(null, method, invocation.getArguments(), PARAMETER_NAMES);
        context.setVariable("result", result instanceof ResponseEntity<?> response ? response.getBody() : result);
        var recordId = evaluate(audited.id(), context);
        var patients = new LinkedHashSet<UUID>();
        collectPatients(evaluate(audited.patients(), context), patients);
        patients.addAll(scope.notedPatients());
        if (cause instanceof HiddenRecordException hidden && hidden.patientId() != null) {
            patients.add(hidden.patientId());
        }
        var caller = caller();
        var request = currentRequest();
        return new AuditEntry(null, null, caller.userId(), caller.roles(), audited.action(), audited.record(),
                recordId == null ? null : recordId.toString(), new ArrayList<>(patients), outcome, httpStatus,
                request == null ? operation(method) : request.getMethod() + " " + pattern(request),
                request == null ? null : request.getRemoteAddr(),
                CorrelationId.current().orElse(null));
    }

    /**
     * Expressions are evaluated for the record whatever happens; one that cannot be evaluated (a null along its path)
     * leaves its field empty rather than losing the record.
     */
    private Object evaluate(String expression, MethodBasedEvaluationContext context) {
        if (expression.isBlank()) {
            return null;
        }
        try {
            return expressions.computeIfAbsent(expression, PARSER::parseExpression).getValue(context);
        } catch (RuntimeException e) {
            log.debug("Audit expression {} not evaluable here: {}", expression, e.getMessage());
            return null;
        }
    }

    private static void collectPatients(Object value, Set<UUID> into) {
        if (value instanceof UUID id) {
            into.add(id);
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> collectPatients(v, into));
        } else if (value instanceof String text) {
            try {
                into.add(UUID.fromString(text));
            } catch (IllegalArgumentException notAnId) {
                // Only ids are recorded.
            }
        }
    }

    private record Caller(String userId, Set<String> roles) {
    }

    private static Caller caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken) {
            var user = ClinicUser.of(authentication);
            return new Caller(user.userId(), user.roles());
        }
        return new Caller(authentication == null ? null : authentication.getName(), Set.of());
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** The path pattern, not the path: query strings and free text never reach the audit record. */
    private static String pattern(HttpServletRequest request) {
        var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? request.getRequestURI() : pattern.toString();
    }

    private static String operation(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static boolean refused(Throwable cause) {
        return cause instanceof AccessDeniedException || cause instanceof HiddenRecordException;
    }

    private static Integer statusOf(Method method, Object result) {
        if (result instanceof ResponseEntity<?> response) {
            return response.getStatusCode().value();
        }
        var status = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
        return status == null ? 200 : status.code().value();
    }

    /** The answers {@code ProblemDetailsAdvice} gives; null where the status is decided elsewhere. */
    private static Integer statusOf(Throwable cause) {
        return switch (cause) {
            case AccessDeniedException denied -> 403;
            case NotFoundException notFound -> 404;
            case InvalidFieldException invalid -> 422;
            case ConflictException conflict -> 409;
            case RefusedByRule refused -> 409;
            case DataIntegrityViolationException integrity -> 409;
            case OptimisticLockingFailureException stale -> 412;
            case Versions.PreconditionException precondition -> precondition.status();
            default -> null;
        };
    }

    /** Carries a method's own exception through the transaction template unchanged. */
    private static final class Failure extends RuntimeException {
        Failure(Throwable cause) {
            super(cause);
        }
    }
}
