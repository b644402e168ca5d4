package org.clinicflow.content.reading;

import org.clinicflow.content.signoff.PublishedSummary;
import org.clinicflow.content.signoff.TreatmentVersion;
import org.clinicflow.content.signoff.TreatmentVersionRepository;
import org.clinicflow.content.signoff.VersionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Queries over published versions only: drafts and superseded versions never leave through here. */
@Component
class PublishedContent {

    private final TreatmentVersionRepository versions;
    private final JdbcClient jdbc;

    PublishedContent(TreatmentVersionRepository versions, JdbcClient jdbc) {
        this.versions = versions;
        this.jdbc = jdbc;
    }

    /**
     * The content hash of the published version: all a conditional read needs. One indexed query in auto-commit, no
     * transaction or entity, because this is the hot path of every cached read.
     */
    Optional<String> hashOf(String slug) {
        return jdbc.sql("select content_hash from treatment_version where treatment_slug = ? and status = 'PUBLISHED'")
                .param(slug).query(String.class).optional();
    }

    @Transactional(readOnly = true)
    Optional<TreatmentVersion> version(String slug) {
        return versions.findByTreatmentSlugAndStatus(slug, VersionStatus.PUBLISHED);
    }

    @Transactional(readOnly = true)
    List<PublishedSummary> all() {
        return versions.published();
    }

    /**
     * Published treatments matching the words of {@code query} (web-search syntax: words, "a phrase", -not), best
     * match first. The expression matches the partial GIN index of migration V2.
     */
    List<PublishedSummary> search(String query, int limit) {
        return jdbc.sql("""
                        select v.treatment_slug, v.title, v.summary, v.number, v.content_hash, v.demo, v.published_at,
                               v.review_due
                        from treatment_version v, websearch_to_tsquery('english', :query) q
                        where v.status = 'PUBLISHED' and to_tsvector('english', v.search_text) @@ q
                        order by ts_rank(to_tsvector('english', v.search_text), q) desc, v.title
                        limit :limit""")
                .param("query", query).param("limit", limit)
                .query((rs, row) -> new PublishedSummary(rs.getString("treatment_slug"), rs.getString("title"),
                        rs.getString("summary"), rs.getInt("number"), rs.getString("content_hash"),
                        rs.getBoolean("demo"), rs.getTimestamp("published_at").toInstant(),
                        rs.getObject("review_due", java.time.LocalDate.class)))
                .list();
    }
}
