package org.clinicflow.booking.availability;

public enum SessionKind {
    CLINIC,
    THEATRE
}
