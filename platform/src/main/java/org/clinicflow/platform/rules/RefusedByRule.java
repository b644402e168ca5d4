package org.clinicflow.platform.rules;

/**
 * A change the record's current state does not allow, such as moving a cancelled appointment or editing a version in
 * review. Answered 409 with the rule's name as the problem's {@code rule}, so a client can tell one refusal from
 * another without reading the words.
 */
public abstract class RefusedByRule extends RuntimeException {

    private final String rule;

    /**
     * @param rule    the rule's name, stable for clients ({@code HOLD_EXPIRED})
     * @param message what a person reads: the rule and how the record stands, never personal data
     */
    protected RefusedByRule(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
