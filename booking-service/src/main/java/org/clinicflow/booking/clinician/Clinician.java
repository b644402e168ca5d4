package org.clinicflow.booking.clinician;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
    @Version
    private Long version;

    protected Clinician() {
    }

    Clinician(UUID id, String displayName, Profession profession, String specialty) {
        this.id = id;
        this.displayName = displayName;
        this.profession = profession.name();
        this.specialty = specialty;
        this.active = true;
    }

    /** What the clinic's appointment types are matched against. */
    public enum Profession { SURGEON, SPECIALIST }

    void describe(String displayName, String specialty) {
        this.displayName = displayName;
        this.specialty = specialty;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    long version() {
        return version == null ? 0 : version;
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
