package org.clinicflow.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the benchmarks add to booking-service's diary beside the demo data. */
final class BenchmarkDiary {

    /** The demo site the benchmark surgeons work at. */
    static final UUID LONDON_BRIDGE = UUID.fromString("50000000-0000-4000-a000-000000000001");

    private BenchmarkDiary() {
    }

    /** Adds surgeons with Monday-to-Saturday clinics 08:00-18:00 at London Bridge; returns their ids. */
    static List<UUID> addSurgeons(Connection db, int count) throws SQLException {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            var id = UUID.randomUUID();
            ids.add(id);
            try (var insert = db.prepareStatement("insert into clinician (id, display_name, profession, specialty)"
                    + " values (?, ?, 'SURGEON', 'Spinal surgery (benchmark)')")) {
                insert.setObject(1, id);
                insert.setString(2, "Benchmark surgeon " + i);
                insert.executeUpdate();
            }
            try (var insert = db.prepareStatement("insert into session_template (id, clinician_id, site_id,"
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
