package org.clinicflow.platform.web;

/** The addressed resource does not exist, or the caller may not know that it exists (answered alike: 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
