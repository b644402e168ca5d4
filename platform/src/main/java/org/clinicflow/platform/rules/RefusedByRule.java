package org.clinicflow.platform.rules;

import java.util.Map;

/**
 * A change the record's current state does not allow, such as moving a cancelled appointment or editing a version in
 * review. Answered 409 with the rule's name as the problem's {@code rule}, so a client can tell one refusal from
 * another without reading the words.
 */
public abstract class RefusedByRule extends RuntimeException {

    private final String rule;
    private final Map<String, Object> properties;

    /**
     * @param rule    the rule's name, stable for clients ({@code HOLD_EXPIRED})
     * @param message what a person reads: the rule and how the record stands, never personal data
     */
    protected RefusedByRule(String rule, String message) {
        this(rule, message, Map.of());
    }

    /** @param properties what a client needs to act on the refusal (the records in the way), added to the problem */
    protected RefusedByRule(String rule, String message, Map<String, Object> properties) {
        super(message);
        this.rule = rule;
        this.properties = Map.copyOf(properties);
    }

    public String rule() {
        return rule;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
