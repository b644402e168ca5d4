package org.clinicflow.web.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages a form shows, one per field, in the order of the form; the error summary at the top links to each.
 * Field names are the APIs' own (a service's problem details name them), so a refusal lands beside the right input.
 */
public final class FormErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    /**
     * A service's field messages ("is not a valid NHS number") as a form shows them ("NHS number is not a valid NHS
     * number"), each under the API's field name. A refusal that names no field is shown against {@code general}.
     *
     * @param labels the form's label for each API field name
     */
    public static FormErrors of(ServiceProblem problem, Map<String, String> labels) {
        var errors = new FormErrors();
        problem.fieldErrors().forEach((field, message) -> errors.add(field,
                labels.getOrDefault(field, "This field") + " " + message));
        if (!errors.any()) {
            errors.add("general", problem.detail());
        }
        return errors;
    }

    /** The same message under another field name, for a form whose input differs from the API's field. */
    public FormErrors renamed(String from, String to) {
        var message = messages.remove(from);
        if (message != null) {
            add(to, message);
        }
        return this;
    }

    /**
     * One message for the whole of a list field whose elements the service named one by one
     * ({@code vertebralLevels[1]}): the form has one input for the list, so the message goes beside it.
     */
    public FormErrors collapse(String listField, String message) {
        var elements = messages.keySet().stream().filter(key -> key.startsWith(listField + "[")).toList();
        if (!elements.isEmpty()) {
            elements.forEach(messages::remove);
            add(listField, message);
        }
        return this;
    }

    public FormErrors add(String field, String message) {
        messages.merge(field, message, (first, second) -> first + "; " + second);
        return this;
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public Map<String, String> all() {
        return messages;
    }
}
