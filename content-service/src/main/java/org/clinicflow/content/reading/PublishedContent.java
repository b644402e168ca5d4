package org.clinicflow.content.reading;

import org.clinicflow.content.signoff.PublishedSummary;
import org.clinicflow.content.signoff.TreatmentVersion;
import org.clinicflow.content.signoff.TreatmentVersionRepository;
import org.clinicflow.content.signoff.VersionPublished;
import org.clinicflow.content.signoff.VersionStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Queries over published versions only: drafts and superseded versions never leave through here. */
@Component
@EnableConfigurationProperties(ReadingProperties.class)
class PublishedContent {

    private final TreatmentVersionRepository versions;
    private final JdbcClient jdbc;
    /** Only slugs that have a published version get an entry, so made-up slugs in URLs cannot grow it. */
    private final Map<String, KnownHash> hashes = new ConcurrentHashMap<>();
    private final long hashFreshness;

    /**
     * @param properties its {@code publishedHashFreshness}: how long a published hash read from the database answers conditional reads before it is
     *                      read again. Readers and shared caches may already keep a page for the 60 s of
     *                      {@link ReadingController#CACHE}, so a second more on an instance that did not publish
     *                      promises nothing new; the publishing instance drops its copy on commit.
     */
    PublishedContent(TreatmentVersionRepository versions, JdbcClient jdbc,
                     ReadingProperties properties) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.hashFreshness = properties.publishedHashFreshness().toNanos();
    }

    /**
     * The content hash of the published version: all a conditional read needs. This is the hot path of every cached
     * read, so it is answered from memory for a short while (see the constructor), then by one indexed query in
     * auto-commit (no transaction, no entity).
     */
    Optional<String> hashOf(String slug) {
        long now = System.nanoTime();
        var known = hashes.get(slug);
        if (known != null && now - known.readAt() < hashFreshness) {
            return Optional.of(known.hash());
        }
        var hash = jdbc.sql("select content_hash from treatment_version where treatment_slug = ?"
                        + " and status = 'PUBLISHED'")
                .param(slug).query(String.class).optional();
        hash.ifPresentOrElse(h -> hashes.put(slug, new KnownHash(h, now)), () -> hashes.remove(slug));
        return hash;
    }

    /**
     * A publication on this instance is visible to its next read. A read that fetched the old hash just before the
     * commit may put it back afterwards; it then stands until it is read again.
     */
    @TransactionalEventListener
    void published(VersionPublished publication) {
        hashes.remove(publication.treatmentSlug());
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

    private record KnownHash(String hash, long readAt) {
    }
}
