package org.clinicflow.platform.inbox;

/** A record that is not a CloudEvent we can read. Retrying cannot help, so error handlers should not retry it. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
