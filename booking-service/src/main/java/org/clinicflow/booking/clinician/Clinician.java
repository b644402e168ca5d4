package org.clinicflow.booking.clinician;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A surgeon or specialist. Their id is also the {@code clinician_id} claim of their Keycloak user. */
@Entity
@Table(name = "clinician")
public class Clinician {

    @Id
    private UUID id;
    private String displayName;
    private String profession;
    private String specialty;
    private boolean active;

    protected Clinician() {
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** SURGEON or SPECIALIST: decides which appointment types they take. */
    public String profession() {
        return profession;
    }

    String specialty() {
        return specialty;
    }

    public boolean active() {
        return active;
    }
}
