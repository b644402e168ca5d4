package org.clinicflow.booking.enquiry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.appointment.Appointment;
import org.clinicflow.booking.appointment.AppointmentBooking;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.patient.PatientRegistration;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.site.Site;
import org.clinicflow.booking.site.SiteRepository;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Web self-referrals, open to anyone without signing in (the gateway limits how often one address may submit). The
 * answer to a submission carries the referral's access key; every later call for it names the key in
 * {@value #KEY_HEADER}, and a wrong key finds nothing.
 */
@RestController
@RequestMapping("/api/booking/self-referrals")
@Validated
class SelfReferralController {

    static final String KEY_HEADER = "X-Referral-Key";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final SelfReferrals referrals;
    private final AppointmentBooking appointments;
    private final ClinicianRepository clinicians;
    private final SiteRepository sites;

    SelfReferralController(SelfReferrals referrals, AppointmentBooking appointments, ClinicianRepository clinicians,
                           SiteRepository sites) {
        this.referrals = referrals;
        this.appointments = appointments;
        this.clinicians = clinicians;
        this.sites = sites;
    }

    /** Each question must be answered, yes or no: an unanswered one is not a "no". */
    record Screening(@NotNull Boolean bladderOrBowel, @NotNull Boolean saddleNumbness, @NotNull Boolean legWeakness,
                     @NotNull Boolean cancerHistory, @NotNull Boolean feverOrUnwell, @NotNull Boolean majorInjury) {

        Set<RedFlag> redFlags() {
            var flags = EnumSet.noneOf(RedFlag.class);
            Map.of(RedFlag.BLADDER_OR_BOWEL, bladderOrBowel, RedFlag.SADDLE_NUMBNESS, saddleNumbness,
                            RedFlag.LEG_WEAKNESS, legWeakness, RedFlag.CANCER_HISTORY, cancerHistory,
                            RedFlag.FEVER_OR_UNWELL, feverOrUnwell, RedFlag.MAJOR_INJURY, majorInjury)
                    .forEach((flag, yes) -> {
                        if (yes) {
                            flags.add(flag);
                        }
                    });
            return flags;
        }
    }

    /** A phone number is required: it is how the clinic calls back, whatever the person consents to be sent. */
    record SubmitReferral(@NotNull UUID submissionKey,
                          @NotBlank @Size(max = 100) String givenName,
                          @NotBlank @Size(max = 100) String familyName,
                          @NotNull @Past LocalDate dateOfBirth,
                          @Email @Size(max = 254) String email,
                          @NotBlank String mobilePhone,
                          @NotNull Boolean emailConsent,
                          @NotNull Boolean smsConsent,
                          @NotBlank @Size(max = 500) String reason,
                          @NotNull @Valid Screening screening) {
    }

    record BookSlot(@NotNull UUID clinicianId, @NotNull OffsetDateTime startsAt) {
    }

    /** A slot as the public sees it: where, with whom and when; nothing of anyone else's booking. */
    record OnlineSlot(UUID clinicianId, String clinicianName, UUID siteId, String siteName, String siteAddress,
                      OffsetDateTime startsAt, OffsetDateTime endsAt, boolean withinTarget) {
    }

    record BookedConsultation(OffsetDateTime startsAt, OffsetDateTime endsAt, String clinicianName, String siteName,
                              String siteAddress, String status) {
    }

    /**
     * @param accessKey only in the answer to the submission itself: the key to name in {@value #KEY_HEADER}
     * @param urgent    red flags were found: no slot is offered and the clinic calls back
     */
    record ReferralView(UUID id, String accessKey, boolean urgent, List<RedFlag> redFlags, OffsetDateTime deadline,
                        BookedConsultation appointment) {
    }

    @Operation(summary = "Refer yourself (no sign-in): registers you, screens for red flags, starts the 48-hour clock")
    @PostMapping
    @Audited(action = AuditAction.CREATE, record = "self-referral", id = "#result?.id()")
    ResponseEntity<ReferralView> submit(@Valid @RequestBody SubmitReferral request) {
        if (request.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
            throw new InvalidFieldException("dateOfBirth", "must be after 1900");
        }
        var submission = new SelfReferrals.Submission(request.submissionKey(),
                new PatientRegistration.NewPatient(request.givenName(), request.familyName(), request.dateOfBirth(),
                        blankToNull(request.email()), request.mobilePhone().strip(), null, request.emailConsent(),
                        request.smsConsent()),
                request.reason(), request.screening().redFlags());
        SelfReferrals.Submitted submitted;
        try {
            submitted = referrals.submit(submission);
        } catch (DataIntegrityViolationException raced) {
            // The same form sent twice at once: the first one's referral is the answer to both.
            submitted = referrals.previously(request.submissionKey()).orElseThrow(() -> raced);
        }
        AuditScope.patient(submitted.referral().patientId());
        return ResponseEntity.status(submitted.fresh() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view(submitted, true));
    }

    @Operation(summary = "Your self-referral and, once booked, your consultation (needs its access key)")
    @GetMapping("/{id}")
    @Audited(action = AuditAction.READ, record = "self-referral", id = "#id")
    ReferralView read(@PathVariable UUID id, @RequestHeader(name = KEY_HEADER, required = false) String key) {
        var referral = referrals.open(id, key);
        AuditScope.patient(referral.referral().patientId());
        return view(referral, false);
    }

    @Operation(summary = "The earliest free consultations you may book yourself (none when the clinic must call)")
    @GetMapping("/{id}/earliest-slots")
    @Audited(action = AuditAction.READ, record = "self-referral", id = "#id")
    List<OnlineSlot> earliestSlots(@PathVariable UUID id,
                                   @RequestHeader(name = KEY_HEADER, required = false) String key,
                                   @RequestParam(defaultValue = "8") @Min(1) @Max(20) int limit) {
        var referral = referrals.open(id, key);
        AuditScope.patient(referral.referral().patientId());
        var slots = referrals.earliestSlots(referral, limit);
        var names = clinicianNames(slots.stream().map(AvailabilitySearch.Slot::clinicianId)
                .collect(Collectors.toSet()));
        var places = sites.findAllById(slots.stream().map(AvailabilitySearch.Slot::siteId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Site::id, Function.identity()));
        return slots.stream().map(slot -> {
            var site = places.get(slot.siteId());
            return new OnlineSlot(slot.clinicianId(), names.get(slot.clinicianId()), slot.siteId(),
                    site == null ? null : site.name(), site == null ? null : site.address(),
                    ClinicTime.show(slot.startsAt()), ClinicTime.show(slot.endsAt()),
                    referral.enquiry().withinTarget(slot.startsAt()));
        }).toList();
    }

    @Operation(summary = "Book one of the offered consultations for your self-referral")
    @PostMapping("/{id}/appointment")
    @Audited(action = AuditAction.CREATE, record = "self-referral-appointment", id = "#id")
    ResponseEntity<ReferralView> book(@PathVariable UUID id,
                                      @RequestHeader(name = KEY_HEADER, required = false) String key,
                                      @Valid @RequestBody BookSlot request) {
        var referral = referrals.open(id, key);
        AuditScope.patient(referral.referral().patientId());
        referrals.book(referral, request.clinicianId(), request.startsAt().toInstant());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(referrals.open(id, key), false));
    }

    private ReferralView view(SelfReferrals.Submitted submitted, boolean withKey) {
        var enquiry = submitted.enquiry();
        var appointment = enquiry.appointmentId() == null ? null
                : appointments.find(enquiry.appointmentId()).map(this::booked).orElse(null);
        return new ReferralView(submitted.referral().id(), withKey ? submitted.referral().accessKey() : null,
                enquiry.awaitingUrgentCallBack(), List.copyOf(enquiry.redFlags()), ClinicTime.show(enquiry.deadline()),
                appointment);
    }

    private BookedConsultation booked(Appointment appointment) {
        var site = appointment.siteId() == null ? null : sites.findById(appointment.siteId()).orElse(null);
        return new BookedConsultation(ClinicTime.show(appointment.startsAt()), ClinicTime.show(appointment.endsAt()),
                clinicians.findById(appointment.clinicianId()).map(Clinician::displayName).orElse(null),
                site == null ? null : site.name(), site == null ? null : site.address(),
                appointment.status().name());
    }

    private Map<UUID, String> clinicianNames(Set<UUID> ids) {
        return clinicians.findAllById(ids).stream().collect(Collectors.toMap(Clinician::id, Clinician::displayName));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
