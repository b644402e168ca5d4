package org.clinicflow.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server, started from the binaries that zonky publishes on Maven Central.
 * One server hosts every service's database; each service still owns its own database and role.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a fresh cluster in {@code dataDir}, which is deleted on close: every local run and every test run begins
     * from migrations and demo data, never from what an earlier run left behind.
     *
     * @param port 0 picks a free port
     */
    public static PostgresServer start(int port, Path dataDir) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Creates the database and its owning role unless they exist; the password equals the role name (local use only).
     * No other role may connect to it, so one service cannot read another's data even on a shared server.
     */
    public void createDatabase(String database, String owner) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var roleExists = statement.executeQuery("select 1 from pg_roles where rolname = '" + owner + "'").next();
            if (!roleExists) {
                statement.execute("create role \"" + owner + "\" login password '" + owner + "'");
            }
            var databaseExists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'").next();
            if (!databaseExists) {
                statement.execute("create database \"" + database + "\" owner \"" + owner + "\"");
                statement.execute("revoke connect on database \"" + database + "\" from public");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
