package org.clinicflow.web.platform;

/** The parts of the system a page may depend on, named as a receptionist would understand them. */
public enum Part {
    BOOKING("Bookings and diaries"),
    FOLLOWUP("Follow-up and messages"),
    CONTENT("Treatment information");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
