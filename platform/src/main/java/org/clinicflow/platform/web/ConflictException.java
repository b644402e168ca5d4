package org.clinicflow.platform.web;

/** The request collides with the current state, such as a slot that someone else has just taken (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
