package org.clinicflow.web.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused a request with RFC 9457 problem details: the status, the service's plain-words detail and, for a
 * validation error, one message per field it names, so that a form can show each beside its input.
 *
 * @param fieldErrors field name (as the API spells it) to message; empty when the problem names no field
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String detail;
    private final Map<String, String> fieldErrors;

    private final tools.jackson.databind.JsonNode problem;

    public ServiceProblem(int status, String detail, Map<String, String> fieldErrors) {
        this(status, detail, fieldErrors, null);
    }

    /** @param problem the whole problem document, for the members a service adds to it; null when there was none */
    public ServiceProblem(int status, String detail, Map<String, String> fieldErrors,
                          tools.jackson.databind.JsonNode problem) {
        super(status + " " + detail);
        this.status = status;
        this.detail = detail == null ? "" : detail;
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
        this.problem = problem;
    }

    /** A member the service added to its problem details, such as the appointments a change would strand. */
    public java.util.Optional<tools.jackson.databind.JsonNode> member(String name) {
        return problem == null || !problem.has(name) ? java.util.Optional.empty()
                : java.util.Optional.of(problem.get(name));
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean conflict() {
        return status == 409;
    }

    /** Someone else changed the record since this page read it (412). */
    public boolean stale() {
        return status == 412;
    }

    public boolean invalid() {
        return status == 400 || status == 422;
    }

    /**
     * booking-service refused because the request breaks a booking rule that staff may go past with a reason: the
     * same request with {@code overrideReason} would go through.
     */
    public boolean overridable() {
        return status == 422 && member("overridable").map(tools.jackson.databind.JsonNode::asBoolean).orElse(false);
    }
}
