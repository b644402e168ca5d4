package org.clinicflow.booking.site;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A place where the clinic sees patients or operates. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    private UUID id;
    private String name;
    private String address;

    protected Site() {
    }

    Site(UUID id, String name, String address) {
        this.id = id;
        this.name = name;
        this.address = address;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }
}
