package org.clinicflow.localstack;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Surgeons written straight into booking-service's database beside the demo data, each with clinics Monday to Saturday
 * 08:00-18:00 at the demo's London Bridge site: a diary of their own for each client of a load test or benchmark, so
 * that clients book side by side without wanting each other's slots.
 */
public final class ExtraSurgeons {

    /** The demo site they work at (booking-service's demo data). */
    public static final UUID LONDON_BRIDGE = UUID.fromString("50000000-0000-4000-a000-000000000001");

    private ExtraSurgeons() {
    }

    /**
     * @param bookingDb  a connection to booking-service's database
     * @param namePrefix what their names start with ({@code "Benchmark surgeon "}), their number follows
     * @return their clinician ids
     */
    public static List<UUID> add(Connection bookingDb, String namePrefix, int count) throws SQLException {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            var id = UUID.randomUUID();
            ids.add(id);
            try (var insert = bookingDb.prepareStatement("insert into clinician (id, display_name, profession,"
                    + " specialty) values (?, ?, 'SURGEON', 'Spinal surgery')")) {
                insert.setObject(1, id);
                insert.setString(2, namePrefix + i);
                insert.executeUpdate();
            }
            try (var insert = bookingDb.prepareStatement("insert into session_template (id, clinician_id, site_id,"
                    + " day_of_week, starts_at, ends_at, kind, valid_from) select gen_random_uuid(), ?, ?, d,"
                    + " '08:00', '18:00', 'CLINIC', '2026-01-01' from generate_series(1, 6) as d")) {
                insert.setObject(1, id);
                insert.setObject(2, LONDON_BRIDGE);
                insert.executeUpdate();
            }
        }
        return ids;
    }
}
