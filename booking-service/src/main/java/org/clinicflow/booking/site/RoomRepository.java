package org.clinicflow.booking.site;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface RoomRepository extends JpaRepository<Room, UUID> {

    List<Room> findBySiteIdOrderByName(UUID siteId);

    boolean existsBySiteIdAndNameIgnoreCase(UUID siteId, String name);
}
