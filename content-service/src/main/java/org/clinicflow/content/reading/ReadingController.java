package org.clinicflow.content.reading;

import org.clinicflow.platform.time.ClinicZone;
import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.content.signoff.PublishedSummary;
import org.clinicflow.content.signoff.TreatmentVersion;
import org.clinicflow.content.treatment.KeyFacts;
import org.clinicflow.content.treatment.Section;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * Published content, public and cacheable. The strong ETag is the version's content hash (with a suffix for the HTML
 * form), so a client that already holds the published words gets 304 after one indexed lookup, with no body. Caches
 * may reuse a response for a minute: a correction reaches every reader within a minute, and revalidating is cheap.
 * JSON is the default representation; {@code Accept: text/html} selects the HTML fragment, hence {@code Vary: Accept}.
 */
@RestController
@RequestMapping("/api/content")
class ReadingController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    private static final int SEARCH_LIMIT = 20;

    private final PublishedContent published;

    ReadingController(PublishedContent published) {
        this.published = published;
    }

    /**
     * @param demo true for demo wording that no surgeon has signed off in this system
     */
    record TreatmentSummaryView(String slug, String title, String summary, int version, String contentHash,
                                boolean demo, OffsetDateTime publishedAt) {

        static TreatmentSummaryView of(PublishedSummary s) {
            return new TreatmentSummaryView(s.slug(), s.title(), s.summary(), s.version(), s.contentHash(), s.demo(),
                    s.publishedAt().atZone(ClinicZone.ZONE).toOffsetDateTime());
        }
    }

    record SectionView(String key, String heading, String markdown, String html) {
    }

    /** The published version: {@code version} and {@code contentHash} name exactly these words. */
    record TreatmentView(String slug, String title, String summary, int version, String contentHash, boolean demo,
                         OffsetDateTime publishedAt, KeyFacts keyFacts, List<SectionView> sections) {

        static TreatmentView of(TreatmentVersion v) {
            var sections = v.sections().entrySet().stream()
                    .map(e -> new SectionView(e.getKey().key(), e.getKey().heading(), e.getValue().markdown(),
                            e.getValue().html()))
                    .toList();
            return new TreatmentView(v.treatmentSlug(), v.title(), v.summary(), v.number(), v.contentHash(), v.demo(),
                    v.publishedAt().atZone(ClinicZone.ZONE).toOffsetDateTime(), v.keyFacts(), sections);
        }
    }

    record PublishedSectionView(String slug, int version, String contentHash, boolean demo, SectionView section) {
    }

    @Operation(summary = "Treatments with published information (public)")
    @GetMapping("/treatments")
    ResponseEntity<List<TreatmentSummaryView>> list() {
        var treatments = published.all().stream().map(TreatmentSummaryView::of).toList();
        // Spring answers 304 itself when If-None-Match matches this tag; the list is small, so building it is cheap.
        var hashes = new StringBuilder();
        treatments.forEach(t -> hashes.append(t.slug()).append(':').append(t.contentHash()).append('\n'));
        var tag = DigestUtils.md5DigestAsHex(hashes.toString().getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok().cacheControl(CACHE).eTag(tag).body(treatments);
    }

    @Operation(summary = "The published version of a treatment as JSON (public; ETag, 304 on If-None-Match)")
    @GetMapping("/treatments/{slug}")
    ResponseEntity<TreatmentView> read(@PathVariable String slug, WebRequest request) {
        return conditional(slug, "", request, TreatmentView::of);
    }

    @Operation(summary = "The published version of a treatment as an HTML fragment (public)")
    @GetMapping(path = "/treatments/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> readHtml(@PathVariable String slug, WebRequest request) {
        return conditional(slug, "." + TreatmentPage.LAYOUT, request, TreatmentPage::of);
    }

    @Operation(summary = "One section of the published version as JSON (public)")
    @GetMapping("/treatments/{slug}/sections/{key}")
    ResponseEntity<PublishedSectionView> section(@PathVariable String slug, @PathVariable String key,
                                                 WebRequest request) {
        var section = section(key);
        return conditional(slug, "", request, version -> {
            var rendered = written(version, section);
            return new PublishedSectionView(version.treatmentSlug(), version.number(), version.contentHash(),
                    version.demo(), new SectionView(section.key(), section.heading(), rendered.markdown(),
                    rendered.html()));
        });
    }

    @Operation(summary = "One section of the published version as an HTML fragment (public)")
    @GetMapping(path = "/treatments/{slug}/sections/{key}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> sectionHtml(@PathVariable String slug, @PathVariable String key, WebRequest request) {
        var section = section(key);
        return conditional(slug, "." + TreatmentPage.LAYOUT, request, version -> {
            written(version, section);
            return TreatmentPage.section(version, section);
        });
    }

    @Operation(summary = "Published treatments matching some words, best first (public)")
    @GetMapping("/search")
    ResponseEntity<List<TreatmentSummaryView>> search(@RequestParam(required = false) String q) {
        if (q == null || q.isBlank() || q.length() > 200) {
            throw new InvalidFieldException("q", "must hold between 1 and 200 characters of search words");
        }
        var hits = published.search(q, SEARCH_LIMIT).stream().map(TreatmentSummaryView::of).toList();
        return ResponseEntity.ok().cacheControl(CACHE).body(hits);
    }

    /**
     * Answers 304 from the published hash alone when the caller holds the current representation; otherwise loads
     * the version and renders it. If a publication lands between the two reads, the tag sent is the loaded one's.
     */
    private <T> ResponseEntity<T> conditional(String slug, String representation, WebRequest request,
                                              Function<TreatmentVersion, T> body) {
        var hash = published.hashOf(slug).orElseThrow(() -> new NotFoundException("Treatment", slug));
        if (request.checkNotModified(etag(hash, representation))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag(hash, representation))
                    .cacheControl(CACHE).varyBy(HttpHeaders.ACCEPT).build();
        }
        var version = published.version(slug).orElseThrow(() -> new NotFoundException("Treatment", slug));
        return ResponseEntity.ok().eTag(etag(version.contentHash(), representation)).cacheControl(CACHE)
                .varyBy(HttpHeaders.ACCEPT).body(body.apply(version));
    }

    private static String etag(String hash, String representation) {
        return "\"" + hash + representation + "\"";
    }

    private static Section section(String key) {
        return Section.byKey(key).orElseThrow(() -> new NotFoundException("Section", key));
    }

    private static org.clinicflow.content.signoff.RenderedSection written(TreatmentVersion version, Section section) {
        var rendered = version.sections().get(section);
        if (rendered == null) {
            throw new NotFoundException("Section", version.treatmentSlug() + "/" + section.key());
        }
        return rendered;
    }
}
