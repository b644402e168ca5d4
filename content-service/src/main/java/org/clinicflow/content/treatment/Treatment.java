package org.clinicflow.content.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A treatment, addressed by a stable slug such as {@code balloon-kyphoplasty}. It holds no text of its own: every word
 * a patient reads lives in a numbered version, so that what was read can always be named.
 */
@Entity
@Table(name = "treatment")
public class Treatment {

    /** Lower-case words joined by hyphens; also what the database's check constraint allows. */
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    @Id
    private String slug;
    @Column(updatable = false)
    private Instant createdAt;
    @Column(updatable = false)
    private String createdBy;

    protected Treatment() {
    }

    public static Treatment create(String slug, String createdBy, Instant now) {
        var treatment = new Treatment();
        treatment.slug = slug;
        treatment.createdBy = createdBy;
        treatment.createdAt = now;
        return treatment;
    }

    public String slug() {
        return slug;
    }
}
