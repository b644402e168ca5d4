package org.clinicflow.platform.web;

import java.util.Map;

/** The request collides with the current state, such as a slot that someone else has just taken (409). */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    /**
     * @param properties what the problem details carry besides the message, so that a screen can name what is in
     *                   the way (such as the appointments a day of leave would strand) rather than parse the text
     */
    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
