package org.clinicflow.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A well-formed request whose fields make no sense here, such as the id of a patient that does not exist (422).
 * Carries every offending field at once, so that a form can mark them all in one round trip.
 */
public class InvalidFieldException extends RuntimeException {

    private final Map<String, String> problems;
    private final Map<String, Object> properties;

    public InvalidFieldException(String field, String message) {
        this(Map.of(field, message));
    }

    /** @param problems field name to what is wrong with it, in the order to report them */
    public InvalidFieldException(Map<String, String> problems) {
        this(problems, Map.of());
    }

    /**
     * @param properties what the problem details carry besides the fields, so that a screen can act on the kind of
     *                   refusal (such as a rule staff may go past with a reason) rather than parse the text
     */
    public InvalidFieldException(Map<String, String> problems, Map<String, Object> properties) {
        super(String.join("; ", problems.keySet()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid-field problem needs at least one field");
        }
        this.problems = new LinkedHashMap<>(problems);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    /** The first field named; most problems name exactly one. */
    public String field() {
        return problems.keySet().iterator().next();
    }
}
