package org.clinicflow.platform.web;

/** A well-formed request whose field makes no sense here, such as the id of a patient that does not exist (422). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
