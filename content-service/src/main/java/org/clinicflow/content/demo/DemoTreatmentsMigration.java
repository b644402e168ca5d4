package org.clinicflow.content.demo;

import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.content.markdown.SafeMarkdown;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Seeds the demo treatments as published, demo-flagged version 1 (Flyway version 900, after every schema migration).
 * <p>
 * Java rather than SQL so that the content hash and the safe HTML come from the same code as for versions written in
 * the application: a seeded hash can be recomputed and checked like any other. Spring Boot hands every
 * {@link JavaMigration} bean to Flyway, and this bean exists only in profile {@code demo}.
 */
@Component
@Profile("demo")
class DemoTreatmentsMigration implements JavaMigration {

    private static final String SEEDER = "demo-seed";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("900");
    }

    @Override
    public String getDescription() {
        return "demo treatments";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        var now = OffsetDateTime.now(ClinicZone.ZONE);
        for (var demo : DemoTreatments.all()) {
            // An overdue one gives the editors' review-due list something to show.
            var publishedAt = demo.reviewOverdue() ? now.minusMonths(13) : now.minusMonths(2);
            insertTreatment(connection, demo, publishedAt, publishedAt.toLocalDate().plusYears(1));
        }
    }

    private static void insertTreatment(Connection connection, DemoTreatments.Demo demo, OffsetDateTime publishedAt,
                                        LocalDate reviewDue) throws SQLException {
        var at = Timestamp.from(publishedAt.toInstant());
        var content = demo.content();
        try (var treatment = connection.prepareStatement(
                "insert into treatment (slug, created_at, created_by) values (?, ?, ?)")) {
            treatment.setString(1, demo.slug());
            treatment.setTimestamp(2, at);
            treatment.setString(3, SEEDER);
            treatment.executeUpdate();
        }
        var id = UUID.randomUUID();
        try (var version = connection.prepareStatement("""
                insert into treatment_version (id, treatment_slug, number, status, demo, title, summary,
                    typical_duration, anaesthesia, same_day_discharge, complication_rate, content_hash, search_text,
                    written_by, written_at, last_edited_by, last_edited_at, published_by, published_at, review_due)
                values (?, ?, 1, 'PUBLISHED', true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            var facts = content.keyFacts();
            version.setObject(1, id);
            version.setString(2, demo.slug());
            version.setString(3, content.title());
            version.setString(4, content.summary());
            version.setString(5, facts.typicalDuration());
            version.setString(6, facts.anaesthesia());
            version.setObject(7, facts.sameDayDischarge(), Types.BOOLEAN);
            version.setString(8, facts.complicationRate());
            version.setString(9, content.contentHash(demo.slug()));
            version.setString(10, content.searchText());
            version.setString(11, SEEDER);
            version.setTimestamp(12, at);
            version.setString(13, SEEDER);
            version.setTimestamp(14, at);
            version.setString(15, SEEDER);
            version.setTimestamp(16, at);
            version.setDate(17, Date.valueOf(reviewDue));
            version.executeUpdate();
        }
        try (var section = connection.prepareStatement(
                "insert into treatment_version_section (version_id, section, markdown, html) values (?, ?, ?, ?)")) {
            for (var entry : content.sections().entrySet()) {
                section.setObject(1, id);
                section.setString(2, entry.getKey().name());
                section.setString(3, entry.getValue());
                section.setString(4, SafeMarkdown.toHtml(entry.getValue()));
                section.executeUpdate();
            }
        }
        try (var activity = connection.prepareStatement("""
                insert into treatment_version_activity (version_id, position, action, actor, acted_at)
                values (?, 0, 'WROTE', ?, ?), (?, 1, 'PUBLISHED', ?, ?)""")) {
            activity.setObject(1, id);
            activity.setString(2, SEEDER);
            activity.setTimestamp(3, at);
            activity.setObject(4, id);
            activity.setString(5, SEEDER);
            activity.setTimestamp(6, at);
            activity.executeUpdate();
        }
    }
}
