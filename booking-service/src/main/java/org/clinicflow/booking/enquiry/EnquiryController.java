package org.clinicflow.booking.enquiry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.patient.PatientRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.web.PageOf;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking")
@Validated
class EnquiryController {

    private static final String RECEPTION = "hasAnyRole('receptionist', 'clinic-admin')";
    private static final Duration WORKLIST_REACH = Duration.ofDays(14);

    private final EnquiryRepository enquiries;
    private final PatientRepository patients;
    private final AvailabilitySearch availability;
    private final JdbcClient jdbc;
    private final Clock clock;

    EnquiryController(EnquiryRepository enquiries, PatientRepository patients, AvailabilitySearch availability,
                      JdbcClient jdbc, Clock clock) {
        this.enquiries = enquiries;
        this.patients = patients;
        this.availability = availability;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param firstContactAt when the patient first got in touch; now when not given (a call being taken) */
    record RecordEnquiry(@NotNull Enquiry.Channel channel, UUID patientId, OffsetDateTime firstContactAt,
                         @Size(max = 200) String referrer) {
    }

    /**
     * The enquiry and how the promise stands: booked within target when its appointment starts by the deadline; seen
     * within target when that appointment was also attended (checked in or completed).
     */
    record EnquiryView(UUID id, UUID patientId, Enquiry.Channel channel, String referrer,
                       OffsetDateTime firstContactAt, OffsetDateTime deadline, UUID appointmentId,
                       OffsetDateTime appointmentStartsAt, boolean booked, boolean bookedWithinTarget,
                       boolean seen, boolean seenWithinTarget, OffsetDateTime atRiskAt, OffsetDateTime breachedAt,
                       boolean urgent, List<RedFlag> redFlags, String selfReferralReason, OffsetDateTime calledBackAt,
                       String callBackNote) {
    }

    /** @param appointmentNeeded false when the call settled it without a clinic appointment (e.g. sent to A&E) */
    record CallBack(@NotBlank @Size(max = 500) String note, @NotNull Boolean appointmentNeeded) {
    }

    record SlotOffer(UUID clinicianId, UUID siteId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                     boolean withinTarget) {
    }

    record WeekOfAccess(LocalDate weekStarting, long enquiries, long seen, long seenWithinTarget,
                        Double shareSeenWithinTarget, Double medianHoursToAppointment) {
    }

    @Operation(summary = "Record a first contact (phone or web); a referrer is noted when given, never required")
    @PostMapping("/enquiries")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.CREATE, record = "enquiry", id = "#result?.id()",
            patients = "#request.patientId()")
    @Transactional
    ResponseEntity<EnquiryView> record(@Valid @RequestBody RecordEnquiry request, Authentication authentication,
                                       UriComponentsBuilder uri) {
        var now = clock.instant();
        var firstContact = request.firstContactAt() == null ? now : request.firstContactAt().toInstant();
        if (firstContact.isAfter(now)) {
            throw new InvalidFieldException("firstContactAt", "must not be in the future");
        }
        if (request.patientId() != null && !patients.existsById(request.patientId())) {
            throw new InvalidFieldException("patientId", "does not match a registered patient");
        }
        var enquiry = enquiries.saveAndFlush(new Enquiry(request.patientId(), firstContact, request.channel(),
                blankToNull(request.referrer()), ClinicUser.of(authentication).userId()));
        return ResponseEntity.created(uri.path("/api/booking/enquiries/{id}").build(enquiry.id()))
                .body(view(enquiry.id()));
    }

    /**
     * Reception's worklist: enquiries of the last fortnight with no live booking (never booked, or the booking was
     * cancelled), red flags waiting for a call back first, then the nearest deadline first. Older unbooked enquiries
     * are in the access report, not the worklist; one the clinic settled on a call back without an appointment leaves.
     */
    @Operation(summary = "Enquiries still waiting for a booking, most urgent first (paged)")
    @GetMapping("/enquiries/awaiting-booking")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.READ, record = "enquiry", patients = "#result?.items().![patientId()]")
    @Transactional(readOnly = true)
    PageOf<EnquiryView> awaitingBooking(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var since = Timestamp.from(clock.instant().minus(WORKLIST_REACH));
        var waiting = " where not p.booked and e.first_contact_at >= :since and not e.no_appointment_needed";
        long total = jdbc.sql("select count(*) from enquiry e join enquiry_promise p on p.enquiry_id = e.id"
                        + waiting)
                .param("since", since).query(Long.class).single();
        var items = jdbc.sql(ENQUIRY_WITH_APPOINTMENT + waiting
                        + " order by urgent desc, e.deadline, e.id limit :size offset :skip")
                .param("since", since).param("size", size).param("skip", (long) page * size)
                .query(EnquiryController::view).list();
        return new PageOf<>(items, page, size, total);
    }

    @Operation(summary = "An enquiry and where its 48-hour promise stands")
    @GetMapping("/enquiries/{id}")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.READ, record = "enquiry", id = "#id", patients = "#result?.patientId()")
    @Transactional(readOnly = true)
    EnquiryView read(@PathVariable UUID id) {
        return view(id);
    }

    @Operation(summary = "Record the clinic's call back to an enquiry with red flags, and whether it needs a booking")
    @PostMapping("/enquiries/{id}/call-back")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.CHANGE, record = "enquiry", id = "#id", patients = "#result?.patientId()")
    @Transactional
    EnquiryView callBack(@PathVariable UUID id, @Valid @RequestBody CallBack request, Authentication authentication) {
        var enquiry = enquiries.findById(id).orElseThrow(() -> new NotFoundException("Enquiry", id));
        enquiry.calledBack(clock.instant(), ClinicUser.of(authentication).userId(), request.note().strip(),
                request.appointmentNeeded());
        enquiries.saveAndFlush(enquiry);
        return view(id);
    }

    @Operation(summary = "The earliest free consultations for an enquiry, each marked whether it keeps the promise")
    @GetMapping("/enquiries/{id}/earliest-slots")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.READ, record = "enquiry", id = "#id")
    @Transactional(readOnly = true)
    List<SlotOffer> earliestSlots(@PathVariable UUID id,
                                  @RequestParam(defaultValue = "FREE_CONSULTATION") AppointmentType appointmentType,
                                  @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        var enquiry = enquiries.findById(id).orElseThrow(() -> new NotFoundException("Enquiry", id));
        AuditScope.patient(enquiry.patientId());
        // Within the booking rules, as the desk's search: a time offered for an enquiry books as offered.
        return availability.earliestWithinRules(appointmentType, clock.instant(), Optional.empty(), limit, null)
                .stream()
                .map(slot -> new SlotOffer(slot.clinicianId(), slot.siteId(), ClinicTime.show(slot.startsAt()),
                        ClinicTime.show(slot.endsAt()), enquiry.withinTarget(slot.startsAt())))
                .toList();
    }

    @Operation(summary = "Per week of first contact: the share seen within 48 hours and the median time to appointment")
    @GetMapping("/reports/access")
    @PreAuthorize(RECEPTION)
    @Transactional(readOnly = true)
    List<WeekOfAccess> accessReport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return weeksOfAccess(from, to);
    }

    @Operation(summary = "The same report as CSV, for a spreadsheet (Accept: text/csv)")
    @GetMapping(value = "/reports/access", produces = AccessReportCsv.MEDIA_TYPE)
    @PreAuthorize(RECEPTION)
    @Transactional(readOnly = true)
    ResponseEntity<String> accessReportAsCsv(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return AccessReportCsv.response(weeksOfAccess(from, to), from, to);
    }

    /** {@code ?format=csv}: for a plain download link, which cannot choose its Accept header. */
    @Operation(summary = "The same report as CSV (?format=csv)")
    @GetMapping(value = "/reports/access", params = "format=csv")
    @PreAuthorize(RECEPTION)
    @Transactional(readOnly = true)
    ResponseEntity<String> accessReportAsCsvByParameter(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return accessReportAsCsv(from, to);
    }

    private List<WeekOfAccess> weeksOfAccess(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        return jdbc.sql("""
                        select (date_trunc('week', e.first_contact_at at time zone 'Europe/London'))::date as week,
                               count(*) as enquiries,
                               count(*) filter (where p.seen) as seen,
                               count(*) filter (where p.seen_within_target) as seen_within_target,
                               percentile_cont(0.5) within group (
                                   order by extract(epoch from p.appointment_starts_at - e.first_contact_at) / 3600.0)
                                   filter (where p.booked) as median_hours
                        from enquiry e join enquiry_promise p on p.enquiry_id = e.id
                        where e.first_contact_at >= :from and e.first_contact_at < :to
                        group by 1 order by 1
                        """)
                .param("from", Timestamp.from(ClinicTime.at(from, LocalTime.MIDNIGHT)))
                .param("to", Timestamp.from(ClinicTime.at(to, LocalTime.MIDNIGHT)))
                .query((rs, row) -> {
                    long total = rs.getLong("enquiries");
                    long withinTarget = rs.getLong("seen_within_target");
                    double median = rs.getDouble("median_hours");
                    return new WeekOfAccess(rs.getObject("week", LocalDate.class), total, rs.getLong("seen"),
                            withinTarget, total == 0 ? null : (double) withinTarget / total,
                            rs.wasNull() ? null : median);
                })
                .list();
    }

    /**
     * An enquiry with its appointment and, for a self-referral, the person's own words. {@code urgent}: red flags the
     * clinic has not yet called back about, what reception must do before anything else (the entity's
     * {@code awaitingUrgentCallBack}, as SQL, so that the list can be ordered by it).
     */
    private static final String ENQUIRY_WITH_APPOINTMENT = """
            select e.*, p.appointment_starts_at, p.booked, p.booked_within_target, p.seen, p.seen_within_target,
                   r.reason as self_referral_reason,
                   (cardinality(e.red_flags) > 0 and e.called_back_at is null) as urgent
            from enquiry e join enquiry_promise p on p.enquiry_id = e.id
                           left join self_referral r on r.enquiry_id = e.id
            """;

    private EnquiryView view(UUID id) {
        return jdbc.sql(ENQUIRY_WITH_APPOINTMENT + " where e.id = :id")
                .param("id", id)
                .query(EnquiryController::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Enquiry", id));
    }

    private static EnquiryView view(ResultSet rs, int row) throws SQLException {
        // How the promise stands comes from the view enquiry_promise, its one definition.
        var startsAt = rs.getTimestamp("appointment_starts_at");
        var deadline = rs.getTimestamp("deadline").toInstant();
        boolean booked = rs.getBoolean("booked");
        var redFlags = (String[]) rs.getArray("red_flags").getArray();
        return new EnquiryView(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                Enquiry.Channel.valueOf(rs.getString("channel")), rs.getString("referrer"),
                show(rs.getTimestamp("first_contact_at")), ClinicTime.show(deadline),
                booked ? rs.getObject("appointment_id", UUID.class) : null,
                booked ? show(startsAt) : null, booked, rs.getBoolean("booked_within_target"),
                rs.getBoolean("seen"), rs.getBoolean("seen_within_target"),
                show(rs.getTimestamp("at_risk_at")), show(rs.getTimestamp("breached_at")),
                rs.getBoolean("urgent"),
                java.util.Arrays.stream(redFlags).map(RedFlag::valueOf).sorted().toList(),
                rs.getString("self_referral_reason"), show(rs.getTimestamp("called_back_at")),
                rs.getString("call_back_note"));
    }

    private static OffsetDateTime show(Timestamp timestamp) {
        return timestamp == null ? null : ClinicTime.show(timestamp.toInstant());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
