package org.clinicflow.web.editing;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.PartUnavailable;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * content-service's editorial API as the editing pages use it. Every change names the version as the page last read
 * it, by the ETag content-service gave ({@code "3.2"}: version 3, lock 2), so a change made by someone else meanwhile
 * is refused (412) rather than overwritten; each answer brings the ETag the next step needs.
 */
@Component
class TreatmentVersions {

    /** The sections every treatment page has, in reading order, by content-service's keys and headings. */
    static final Map<String, String> SECTIONS = sections();

    /** The form's words for each field content-service may name in a refusal. */
    static final Map<String, String> LABELS = labels(Map.of(
            "title", "Title",
            "summary", "Summary",
            "keyFacts.typicalDuration", "How long it takes",
            "keyFacts.anaesthesia", "Anaesthesia",
            "keyFacts.sameDayDischarge", "Home the same day",
            "keyFacts.complicationRate", "Complications",
            "comment", "Comment",
            "reason", "Reason"));

    private final Services services;

    TreatmentVersions(Services services) {
        this.services = services;
    }

    record KeyFacts(String typicalDuration, String anaesthesia, Boolean sameDayDischarge, String complicationRate) {
    }

    record Section(String key, String heading, String markdown, String html) {
    }

    /** Who did each step and when; null where it has not happened. People are Keycloak ids, never names. */
    record SignOff(String writtenBy, OffsetDateTime writtenAt, String lastEditedBy, OffsetDateTime lastEditedAt,
                   String submittedBy, OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt,
                   String reviewComment, String publishedBy, OffsetDateTime publishedAt, LocalDate reviewDue,
                   OffsetDateTime supersededAt) {
    }

    /** One step in a version's life; {@code comment} is the reviewer's on a return, the reason on a discard. */
    record Activity(String action, String by, OffsetDateTime at, String comment) {

        public String actionWords() {
            return switch (action) {
                case "WROTE" -> "wrote it";
                case "EDITED" -> "edited it";
                case "SUBMITTED" -> "submitted it for sign-off";
                case "APPROVED" -> "approved it";
                case "RETURNED" -> "returned it";
                case "PUBLISHED" -> "published it";
                case "SUPERSEDED" -> "replaced it by a later version";
                case "DISCARDED" -> "discarded it";
                default -> action.toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    record Version(String slug, int number, String status, boolean demo, String title, String summary,
                   KeyFacts keyFacts, List<Section> sections, SignOff signOff, List<Activity> activity) {

        public Optional<Section> section(String key) {
            return sections == null ? Optional.empty()
                    : sections.stream().filter(s -> s.key().equals(key)).findFirst();
        }

        public String markdown(String key) {
            return section(key).map(Section::markdown).orElse(null);
        }

        /** The key facts, each null where not given yet; never null itself. */
        public KeyFacts facts() {
            return keyFacts == null ? new KeyFacts(null, null, null, null) : keyFacts;
        }

        public boolean editable() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }

        public String statusLabel() {
            return TreatmentVersions.statusLabel(status);
        }

        public String statusTag() {
            return TreatmentVersions.statusTag(status);
        }
    }

    /** A version as content-service gave it, with the ETag a change to it must send. */
    record Tagged(Version version, String etag) {
    }

    /** A line of a history or of the versions in the workflow. */
    record Summary(String slug, int number, String status, boolean demo, String title, SignOff signOff) {

        public String statusLabel() {
            return TreatmentVersions.statusLabel(status);
        }

        public String statusTag() {
            return TreatmentVersions.statusTag(status);
        }
    }

    /** A published treatment, as the public list shows it. */
    record Published(String slug, String title, int version, boolean demo) {
    }

    /** Published content whose review date has come. */
    record ReviewDue(String slug, String title, int version, LocalDate reviewDue) {
    }

    List<Published> published() {
        return services.get(Part.CONTENT, new ParameterizedTypeReference<List<Published>>() {
        }, "/api/content/treatments");
    }

    List<Summary> inWorkflow() {
        return services.get(Part.CONTENT, new ParameterizedTypeReference<List<Summary>>() {
        }, "/api/content/drafts");
    }

    List<ReviewDue> reviewDue() {
        return services.get(Part.CONTENT, new ParameterizedTypeReference<List<ReviewDue>>() {
        }, "/api/content/review-due");
    }

    /** Newest first. */
    List<Summary> history(String slug) {
        return services.get(Part.CONTENT, new ParameterizedTypeReference<List<Summary>>() {
        }, "/api/content/treatments/{slug}/versions", slug);
    }

    Tagged version(String slug, int number) {
        return tagged(client -> client.get().uri("/api/content/treatments/{slug}/versions/{n}", slug, number)
                .retrieve().toEntity(Version.class));
    }

    /** The next version of a treatment as a draft, starting from {@code from}'s words. */
    Tagged start(String slug, Version from) {
        return tagged(client -> client.post().uri("/api/content/treatments/{slug}/versions", slug)
                .body(content(from.title(), from.summary(), from.keyFacts(), markdownOf(from)))
                .retrieve().toEntity(Version.class));
    }

    Tagged edit(String slug, int number, String etag, Map<String, Object> content) {
        return tagged(client -> client.put().uri("/api/content/treatments/{slug}/versions/{n}", slug, number)
                .header(HttpHeaders.IF_MATCH, etag).body(content).retrieve().toEntity(Version.class));
    }

    /** A step of the workflow: {@code submission}, {@code approval}, {@code return}, {@code publication}, {@code discard}. */
    Tagged step(String slug, int number, String etag, String step, Map<String, Object> body) {
        return tagged(client -> {
            var request = client.post().uri("/api/content/treatments/{slug}/versions/{n}/{step}", slug, number, step)
                    .header(HttpHeaders.IF_MATCH, etag);
            if (body != null) {
                request.body(body);
            }
            return request.retrieve().toEntity(Version.class);
        });
    }

    /** The request body of a version's content, as content-service's {@code ContentRequest} names its fields. */
    static Map<String, Object> content(String title, String summary, KeyFacts keyFacts, Map<String, String> sections) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", title);
        body.put("summary", summary);
        body.put("keyFacts", keyFacts);
        body.put("sections", sections);
        return body;
    }

    static Map<String, String> markdownOf(Version version) {
        var sections = new LinkedHashMap<String, String>();
        SECTIONS.keySet().forEach(key -> {
            var markdown = version.markdown(key);
            if (markdown != null) {
                sections.put(key, markdown);
            }
        });
        return sections;
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "DRAFT" -> "Draft";
            case "IN_REVIEW" -> "Waiting for sign-off";
            case "RETURNED" -> "Returned";
            case "APPROVED" -> "Approved";
            case "PUBLISHED" -> "Published";
            case "SUPERSEDED" -> "Superseded";
            case "DISCARDED" -> "Discarded";
            default -> status;
        };
    }

    /** The form's words for an API field name, for a refusal that names the field. */
    static String label(String field) {
        return LABELS.getOrDefault(field, "This field");
    }

    static String statusTag(String status) {
        return switch (status) {
            case "DRAFT" -> "govuk-tag--yellow";
            case "IN_REVIEW" -> "govuk-tag--blue";
            case "RETURNED" -> "govuk-tag--orange";
            case "APPROVED" -> "govuk-tag--turquoise";
            case "PUBLISHED" -> "govuk-tag--green";
            default -> "govuk-tag--grey";
        };
    }

    private Tagged tagged(Function<RestClient, ResponseEntity<Version>> request) {
        try {
            var response = request.apply(services.client(Part.CONTENT));
            return new Tagged(response.getBody(), response.getHeaders().getETag());
        } catch (ResourceAccessException e) {
            throw new PartUnavailable(Part.CONTENT, e);
        }
    }

    private static Map<String, String> labels(Map<String, String> fields) {
        var labels = new LinkedHashMap<>(fields);
        SECTIONS.forEach((key, heading) -> labels.put("sections." + key, heading));
        return java.util.Collections.unmodifiableMap(labels);
    }

    private static Map<String, String> sections() {
        var sections = new LinkedHashMap<String, String>();
        sections.put("purpose", "What it is for and who it suits");
        sections.put("procedure", "The procedure");
        sections.put("outcomes", "How well it works");
        sections.put("risks", "Risks");
        sections.put("recovery", "Recovery");
        sections.put("furtherReading", "Further reading");
        sections.put("references", "References");
        return java.util.Collections.unmodifiableMap(sections);
    }
}
