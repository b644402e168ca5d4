package org.clinicflow.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerIT {

    @Test
    void eachServiceDatabaseIsReachableOnlyWithItsOwnRole(@TempDir Path dir) throws Exception {
        try (var server = PostgresServer.start(0, dir.resolve("pg"))) {
            server.createDatabase("booking", "booking");
            server.createDatabase("booking", "booking");
            server.createDatabase("followup", "followup");
            try (var connection = DriverManager.getConnection(server.jdbcUrl("booking"), "booking", "booking");
                 var result = connection.createStatement().executeQuery("select version()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).startsWith("PostgreSQL 17");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("booking"), "followup", "followup"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(Files.exists(dir.resolve("pg"))).isFalse();
    }
}
