package org.clinicflow.content.signoff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clinicflow.content.signoff.VersionViews.VersionSummary;
import org.clinicflow.content.signoff.VersionViews.VersionView;
import org.clinicflow.content.treatment.KeyFacts;
import org.clinicflow.content.treatment.SectionTexts;
import org.clinicflow.content.treatment.Treatment;
import org.clinicflow.content.treatment.TreatmentContent;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.Versions;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * The editorial API: drafts, history and the sign-off steps. Content editors, surgeons and clinic admins write and
 * read; only a surgeon reviews (and not their own words); a content editor or clinic admin publishes what a surgeon
 * approved. Every change to an existing version needs If-Match with the version's ETag: 428 without, 412 when stale.
 * Commands are transactional here too, so that the view of the changed version is read in the same transaction.
 */
@RestController
@RequestMapping("/api/content")
@PreAuthorize("hasAnyRole('content-editor', 'surgeon', 'clinic-admin')")
class SignOffController {

    private static final java.util.regex.Pattern ETAG = java.util.regex.Pattern.compile("\"(\\d{1,9})\\.(\\d{1,18})\"");

    private final SignOff signOff;
    private final TreatmentVersionRepository versions;
    private final Clock clock;

    SignOffController(SignOff signOff, TreatmentVersionRepository versions, Clock clock) {
        this.signOff = signOff;
        this.versions = versions;
        this.clock = clock;
    }

    /** The content of a version as an editor sends it; sections and key facts may be incomplete in a draft. */
    record ContentRequest(@NotBlank @Size(max = 120) String title,
                          @NotBlank @Size(max = 1000) String summary,
                          @Valid KeyFacts keyFacts,
                          @Valid SectionTexts sections) {

        TreatmentContent toContent() {
            return new TreatmentContent(title, summary, keyFacts, sections == null ? null : sections.toMap());
        }
    }

    record NewTreatmentRequest(@NotBlank @Size(max = 80) @Pattern(regexp = Treatment.SLUG_PATTERN) String slug,
                               @NotBlank @Size(max = 120) String title,
                               @NotBlank @Size(max = 1000) String summary,
                               @Valid KeyFacts keyFacts,
                               @Valid SectionTexts sections) {
    }

    record ReturnRequest(@NotBlank @Size(max = 2000) String comment) {
    }

    record DiscardRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** @param reviewDue when the published content must be looked at again; null for a year from today */
    record PublishRequest(LocalDate reviewDue) {
    }

    @Operation(summary = "Add a treatment with its first draft (version 1)")
    @PostMapping("/treatments")
    @Transactional
    ResponseEntity<VersionView> createTreatment(@Valid @RequestBody NewTreatmentRequest request,
                                                Authentication authentication, UriComponentsBuilder uri) {
        var content = new ContentRequest(request.title(), request.summary(), request.keyFacts(), request.sections());
        var version = signOff.createTreatment(request.slug(), content.toContent(), ClinicUser.of(authentication));
        return created(version, uri);
    }

    @Operation(summary = "Start the next version of a treatment as a draft")
    @PostMapping("/treatments/{slug}/versions")
    @Transactional
    ResponseEntity<VersionView> startDraft(@PathVariable String slug, @Valid @RequestBody ContentRequest request,
                                           Authentication authentication, UriComponentsBuilder uri) {
        return created(signOff.startDraft(slug, request.toContent(), ClinicUser.of(authentication)), uri);
    }

    @Operation(summary = "Every version of a treatment, newest first, with who did what and when")
    @GetMapping("/treatments/{slug}/versions")
    @Transactional(readOnly = true)
    List<VersionSummary> history(@PathVariable String slug) {
        var history = versions.findByTreatmentSlugOrderByNumberDesc(slug);
        if (history.isEmpty()) {
            throw new NotFoundException("Treatment", slug);
        }
        return history.stream().map(VersionSummary::of).toList();
    }

    @Operation(summary = "One version by number, in any state, with its sign-off record")
    @GetMapping("/treatments/{slug}/versions/{number}")
    @Transactional(readOnly = true)
    ResponseEntity<VersionView> version(@PathVariable String slug, @PathVariable int number) {
        var version = versions.findByTreatmentSlugAndNumber(slug, number)
                .orElseThrow(() -> new NotFoundException("Version", slug + "/" + number));
        return withEtag(ResponseEntity.ok(), version);
    }

    @Operation(summary = "Edit a draft or a returned version (If-Match required)")
    @PutMapping("/treatments/{slug}/versions/{number}")
    @Transactional
    ResponseEntity<VersionView> edit(@PathVariable String slug, @PathVariable int number,
                                     @Parameter(description = "ETag of the version as last read")
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody ContentRequest request, Authentication authentication) {
        var version = signOff.edit(slug, number, expectedLock(ifMatch, number), request.toContent(),
                ClinicUser.of(authentication));
        return withEtag(ResponseEntity.ok(), version);
    }

    @Operation(summary = "Submit a complete draft for a surgeon's review (If-Match required)")
    @PostMapping("/treatments/{slug}/versions/{number}/submission")
    @Transactional
    ResponseEntity<VersionView> submit(@PathVariable String slug, @PathVariable int number,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       Authentication authentication) {
        var version = signOff.submit(slug, number, expectedLock(ifMatch, number), ClinicUser.of(authentication));
        return withEtag(ResponseEntity.ok(), version);
    }

    @Operation(summary = "Approve a version in review: a surgeon who did not write it (If-Match required)")
    @PostMapping("/treatments/{slug}/versions/{number}/approval")
    @PreAuthorize("hasRole('surgeon')")
    @Transactional
    ResponseEntity<VersionView> approve(@PathVariable String slug, @PathVariable int number,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Authentication authentication) {
        var version = signOff.approve(slug, number, expectedLock(ifMatch, number), ClinicUser.of(authentication));
        return withEtag(ResponseEntity.ok(), version);
    }

    @Operation(summary = "Return a version in review to its authors with a comment: a surgeon (If-Match required)")
    @PostMapping("/treatments/{slug}/versions/{number}/return")
    @PreAuthorize("hasRole('surgeon')")
    @Transactional
    ResponseEntity<VersionView> returnToAuthor(@PathVariable String slug, @PathVariable int number,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch,
                                               @Valid @RequestBody ReturnRequest request,
                                               Authentication authentication) {
        var version = signOff.returnToAuthor(slug, number, expectedLock(ifMatch, number), request.comment(),
                ClinicUser.of(authentication));
        return withEtag(ResponseEntity.ok(), version);
    }

    @Operation(summary = "Publish an approved version in place of the current one (If-Match required)")
    @PostMapping("/treatments/{slug}/versions/{number}/publication")
    @PreAuthorize("hasAnyRole('content-editor', 'clinic-admin')")
    @Transactional
    ResponseEntity<VersionView> publish(@PathVariable String slug, @PathVariable int number,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody(required = false) PublishRequest request,
                                        Authentication authentication) {
        var reviewDue = request == null ? null : request.reviewDue();
        var version = signOff.publish(slug, number, expectedLock(ifMatch, number), reviewDue,
                ClinicUser.of(authentication));
        return withEtag(ResponseEntity.ok(), version);
    }

    @Operation(summary = "Discard a version that will not be published, with a reason (If-Match required); it stays"
            + " readable by number and a new draft can start")
    @PostMapping("/treatments/{slug}/versions/{number}/discard")
    @Transactional
    ResponseEntity<VersionView> discard(@PathVariable String slug, @PathVariable int number,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody DiscardRequest request, Authentication authentication) {
        var version = signOff.discard(slug, number, expectedLock(ifMatch, number), request.reason().strip(),
                ClinicUser.of(authentication));
        return withEtag(ResponseEntity.ok(), version);
    }

    @Operation(summary = "Versions still in the workflow (draft, in review, returned, approved), by treatment")
    @GetMapping("/drafts")
    @Transactional(readOnly = true)
    List<VersionSummary> drafts() {
        return versions.findByStatusInOrderByTreatmentSlug(EnumSet.of(VersionStatus.DRAFT, VersionStatus.IN_REVIEW,
                VersionStatus.RETURNED, VersionStatus.APPROVED)).stream().map(VersionSummary::of).toList();
    }

    @Operation(summary = "Published content whose review date has come or passed")
    @GetMapping("/review-due")
    @Transactional(readOnly = true)
    List<PublishedSummary> reviewDue() {
        return versions.reviewDueBy(LocalDate.now(clock));
    }

    /**
     * The editorial ETag names the version and its lock version, e.g. {@code "3.2"}; {@code *} and weak tags do not
     * say which state the caller saw, so they count as missing.
     */
    static long expectedLock(String ifMatch, int number) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw Versions.missing();
        }
        for (String tag : ifMatch.split(",")) {
            var matcher = ETAG.matcher(tag.strip());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == number) {
                return Long.parseLong(matcher.group(2));
            }
        }
        throw Versions.stale();
    }

    static String etag(TreatmentVersion version) {
        return "\"" + version.number() + "." + version.lockVersion() + "\"";
    }

    private static ResponseEntity<VersionView> withEtag(ResponseEntity.BodyBuilder response, TreatmentVersion v) {
        return response.eTag(etag(v)).body(VersionView.of(v));
    }

    private static ResponseEntity<VersionView> created(TreatmentVersion version, UriComponentsBuilder uri) {
        var location = uri.path("/api/content/treatments/{slug}/versions/{number}")
                .build(version.treatmentSlug(), version.number());
        return withEtag(ResponseEntity.created(location), version);
    }
}
