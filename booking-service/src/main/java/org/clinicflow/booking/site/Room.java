package org.clinicflow.booking.site;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A consulting room or theatre at a site; a session may name the room it runs in. */
@Entity
@Table(name = "room")
public class Room {

    @Id
    private UUID id;
    private UUID siteId;
    private String name;

    protected Room() {
    }

    Room(UUID id, UUID siteId, String name) {
        this.id = id;
        this.siteId = siteId;
        this.name = name;
    }

    public UUID id() {
        return id;
    }

    public UUID siteId() {
        return siteId;
    }

    String name() {
        return name;
    }
}
