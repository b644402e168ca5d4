package org.clinicflow.content.signoff;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clinicflow.content.markdown.SafeMarkdown;
import org.clinicflow.content.signoff.VersionActivity.Action;
import org.clinicflow.content.treatment.KeyFacts;
import org.clinicflow.content.treatment.Section;
import org.clinicflow.content.treatment.TreatmentContent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One numbered version of a treatment's content and the record of its sign-off.
 * <p>
 * Invariants: content changes only while the version is a draft or returned, and every change recomputes the content
 * hash and the safe HTML; a version is approved only by a surgeon who never wrote or edited it; only an approved
 * version is published. Once approved, neither content nor hash changes again, so version number and hash name
 * exactly what a patient was sent. Concurrent changes are refused by {@code lockVersion} (optimistic locking).
 */
@Entity
@Table(name = "treatment_version")
public class TreatmentVersion {

    @Id
    private UUID id;
    @Column(updatable = false)
    private String treatmentSlug;
    @Column(updatable = false)
    private int number;
    @Enumerated(EnumType.STRING)
    private VersionStatus status;
    /** Demo content seeded without sign-off in this system; shown to readers as such. */
    @Column(updatable = false)
    private boolean demo;
    private String title;
    private String summary;
    private String typicalDuration;
    private String anaesthesia;
    private Boolean sameDayDischarge;
    private String complicationRate;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "treatment_version_section", joinColumns = @JoinColumn(name = "version_id"))
    @MapKeyColumn(name = "section")
    @MapKeyEnumerated(EnumType.STRING)
    private Map<Section, RenderedSection> sections = new EnumMap<>(Section.class);
    private String contentHash;
    private String searchText;
    @Column(updatable = false)
    private String writtenBy;
    @Column(updatable = false)
    private Instant writtenAt;
    private String lastEditedBy;
    private Instant lastEditedAt;
    private String submittedBy;
    private Instant submittedAt;
    private String reviewedBy;
    private Instant reviewedAt;
    private String reviewComment;
    private String publishedBy;
    private Instant publishedAt;
    private LocalDate reviewDue;
    private Instant supersededAt;
    @ElementCollection
    @CollectionTable(name = "treatment_version_activity", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<VersionActivity> activity = new ArrayList<>();
    @Version
    private long lockVersion;

    protected TreatmentVersion() {
    }

    static TreatmentVersion draft(String slug, int number, TreatmentContent content, String author, Instant now) {
        var version = new TreatmentVersion();
        version.id = UUID.randomUUID();
        version.treatmentSlug = slug;
        version.number = number;
        version.status = VersionStatus.DRAFT;
        version.writtenBy = author;
        version.writtenAt = now;
        version.setContent(content, author, now);
        version.activity.add(new VersionActivity(Action.WROTE, author, now, null));
        return version;
    }

    /** A returned version becomes a draft again: the reviewer's comment stays on record in the activity. */
    void edit(TreatmentContent content, String editor, Instant now) {
        if (!status.editable()) {
            throw new VersionRefused(VersionRefused.Rule.NOT_EDITABLE,
                    "Version " + number + " is " + status + " and cannot be edited");
        }
        status = VersionStatus.DRAFT;
        setContent(content, editor, now);
        activity.add(new VersionActivity(Action.EDITED, editor, now, null));
    }

    void submit(String by, Instant now) {
        require(status.editable(), "submitted");
        status = VersionStatus.IN_REVIEW;
        submittedBy = by;
        submittedAt = now;
        activity.add(new VersionActivity(Action.SUBMITTED, by, now, null));
    }

    void approve(String surgeon, Instant now) {
        require(status == VersionStatus.IN_REVIEW, "approved");
        status = VersionStatus.APPROVED;
        reviewedBy = surgeon;
        reviewedAt = now;
        reviewComment = null;
        activity.add(new VersionActivity(Action.APPROVED, surgeon, now, null));
    }

    void returnToAuthor(String surgeon, String comment, Instant now) {
        require(status == VersionStatus.IN_REVIEW, "returned");
        status = VersionStatus.RETURNED;
        reviewedBy = surgeon;
        reviewedAt = now;
        reviewComment = comment;
        activity.add(new VersionActivity(Action.RETURNED, surgeon, now, comment));
    }

    void publish(String by, Instant now, LocalDate due) {
        require(status == VersionStatus.APPROVED, "published");
        status = VersionStatus.PUBLISHED;
        publishedBy = by;
        publishedAt = now;
        reviewDue = due;
        activity.add(new VersionActivity(Action.PUBLISHED, by, now, null));
    }

    /** Work that will not be published: any version not yet published may be dropped, with the reason on record. */
    void discard(String by, String reason, Instant now) {
        require(status == VersionStatus.DRAFT || status == VersionStatus.RETURNED || status == VersionStatus.IN_REVIEW
                || status == VersionStatus.APPROVED, "discarded");
        status = VersionStatus.DISCARDED;
        activity.add(new VersionActivity(Action.DISCARDED, by, now, reason));
    }

    void supersede(String by, Instant now) {
        status = VersionStatus.SUPERSEDED;
        supersededAt = now;
        activity.add(new VersionActivity(Action.SUPERSEDED, by, now, null));
    }

    /** Whoever wrote or edited any of these words; such a person may not be the one who signs them off. */
    boolean isAuthor(String userId) {
        return activity.stream().anyMatch(step -> step.actor().equals(userId)
                && (step.action() == Action.WROTE || step.action() == Action.EDITED));
    }

    private void setContent(TreatmentContent content, String editor, Instant now) {
        title = content.title();
        summary = content.summary();
        typicalDuration = content.keyFacts().typicalDuration();
        anaesthesia = content.keyFacts().anaesthesia();
        sameDayDischarge = content.keyFacts().sameDayDischarge();
        complicationRate = content.keyFacts().complicationRate();
        sections.clear();
        content.sections().forEach((section, markdown) ->
                sections.put(section, new RenderedSection(markdown, SafeMarkdown.toHtml(markdown))));
        contentHash = content.contentHash(treatmentSlug);
        searchText = content.searchText();
        lastEditedBy = editor;
        lastEditedAt = now;
    }

    /** A wrong step for the current status is a conflict with the state, which the caller can read and resolve. */
    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new VersionRefused(VersionRefused.Rule.NO_SUCH_STEP,
                    "Version " + number + " is " + status + " and cannot be " + what);
        }
    }

    public TreatmentContent content() {
        var markdown = new EnumMap<Section, String>(Section.class);
        sections.forEach((section, rendered) -> markdown.put(section, rendered.markdown()));
        return new TreatmentContent(title, summary,
                new KeyFacts(typicalDuration, anaesthesia, sameDayDischarge, complicationRate), markdown);
    }

    public String treatmentSlug() {
        return treatmentSlug;
    }

    public int number() {
        return number;
    }

    public VersionStatus status() {
        return status;
    }

    public boolean demo() {
        return demo;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public KeyFacts keyFacts() {
        return new KeyFacts(typicalDuration, anaesthesia, sameDayDischarge, complicationRate);
    }

    /** Sections in reading order; sections not written are left out. */
    public Map<Section, RenderedSection> sections() {
        var ordered = new EnumMap<Section, RenderedSection>(Section.class);
        ordered.putAll(sections);
        return ordered;
    }

    public String contentHash() {
        return contentHash;
    }

    public String writtenBy() {
        return writtenBy;
    }

    public Instant writtenAt() {
        return writtenAt;
    }

    public String lastEditedBy() {
        return lastEditedBy;
    }

    public Instant lastEditedAt() {
        return lastEditedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public LocalDate reviewDue() {
        return reviewDue;
    }

    public Instant supersededAt() {
        return supersededAt;
    }

    public List<VersionActivity> activity() {
        return List.copyOf(activity);
    }

    public long lockVersion() {
        return lockVersion;
    }
}
