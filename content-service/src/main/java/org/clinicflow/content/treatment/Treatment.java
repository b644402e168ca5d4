package org.clinicflow.content.treatment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A treatment, addressed by a stable slug such as {@code balloon-kyphoplasty}. */
@Entity
@Table(name = "treatment")
public class Treatment {

    @Id
    private String slug;
    private String title;
    private String summary;

    protected Treatment() {
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }
}
