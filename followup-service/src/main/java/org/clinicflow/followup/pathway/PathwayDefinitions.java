package org.clinicflow.followup.pathway;

import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class PathwayDefinitions {

    private final JdbcClient jdbc;

    PathwayDefinitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PathwayDefinition> allCurrent() {
        return jdbc.sql("select * from pathway_definition where current order by treatment")
                .query(this::definition).list();
    }

    Optional<PathwayDefinition> current(String treatment) {
        return jdbc.sql("select * from pathway_definition where treatment = :treatment and current")
                .param("treatment", treatment).query(this::definition).optional();
    }

    /**
     * Makes {@code steps} the treatment's next version, if {@code ifMatch} names the current one (the row lock taken
     * first makes two admins' simultaneous changes queue, and the second then fails the version check).
     */
    @Transactional
    PathwayDefinition change(String treatment, String ifMatch, String contentSlug, List<PathwayStep> steps,
                             String by, Instant now) {
        var current = jdbc.sql("select * from pathway_definition where treatment = :treatment and current for update")
                .param("treatment", treatment).query(this::definition).optional()
                .orElseThrow(() -> new NotFoundException("Pathway of treatment", treatment));
        Versions.requireMatch(ifMatch, current.version());
        jdbc.sql("update pathway_definition set current = false where id = :id").param("id", current.id()).update();
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into pathway_definition (id, treatment, version, content_slug, current, created_at,
                            created_by)
                        values (:id, :treatment, :version, :slug, true, :now, :by)
                        """)
                .param("id", id).param("treatment", treatment).param("version", current.version() + 1)
                .param("slug", contentSlug).param("now", now.atOffset(ZoneOffset.UTC)).param("by", by).update();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            jdbc.sql("""
                            insert into pathway_step (definition_id, position, code, kind, offset_days, send_at, title,
                                body, content_section, window_days, book_within)
                            values (:id, :position, :code, :kind, :offset, :sendAt, :title, :body, :section, :window,
                                :bookWithin)
                            """)
                    .param("id", id).param("position", i + 1).param("code", step.code())
                    .param("kind", step.kind().name()).param("offset", step.offsetDays())
                    .param("sendAt", step.sendAt()).param("title", step.title()).param("body", step.body())
                    .param("section", step.contentSection()).param("window", step.windowDays())
                    .param("bookWithin", step.bookWithinDays()).update();
        }
        return byId(id);
    }

    PathwayDefinition byId(UUID id) {
        return jdbc.sql("select * from pathway_definition where id = :id").param("id", id)
                .query(this::definition).single();
    }

    private PathwayDefinition definition(ResultSet rs, int row) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var steps = jdbc.sql("select * from pathway_step where definition_id = :id order by position")
                .param("id", id)
                .query((s, n) -> new PathwayStep(s.getString("code"), StepKind.valueOf(s.getString("kind")),
                        s.getInt("offset_days"), s.getObject("send_at", LocalTime.class), s.getString("title"),
                        s.getString("body"), s.getString("content_section"), (Integer) s.getObject("window_days"),
                        (Integer) s.getObject("book_within")))
                .list();
        return new PathwayDefinition(id, rs.getString("treatment"), rs.getInt("version"),
                rs.getString("content_slug"), steps, rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
