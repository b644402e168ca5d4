package org.clinicflow.web.platform;

/**
 * A service did not answer, or answered 5xx (the gateway's breaker, a crash, a timeout). A page shows which part is
 * unavailable and keeps whatever else it could load.
 */
public class PartUnavailable extends RuntimeException {

    private final Part part;

    public PartUnavailable(Part part, Throwable cause) {
        super(part.label() + " is unavailable", cause);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
