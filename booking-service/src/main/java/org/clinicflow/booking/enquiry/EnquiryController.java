package org.clinicflow.booking.enquiry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.enquiry.EnquiryQueries.EnquiryView;
import org.clinicflow.booking.enquiry.EnquiryQueries.SlotOffer;
import org.clinicflow.booking.enquiry.EnquiryQueries.WeekOfAccess;
import org.clinicflow.booking.web.PageOf;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** First contacts and the 48-hour promise over HTTP: {@link Enquiries} changes them, {@link EnquiryQueries} reads. */
@RestController
@RequestMapping("/api/booking")
@Validated
class EnquiryController {

    private static final String RECEPTION = "hasAnyRole('receptionist', 'clinic-admin')";

    private final Enquiries enquiries;
    private final EnquiryQueries queries;

    EnquiryController(Enquiries enquiries, EnquiryQueries queries) {
        this.enquiries = enquiries;
        this.queries = queries;
    }

    /** @param firstContactAt when the patient first got in touch; now when not given (a call being taken) */
    record RecordEnquiry(@NotNull Enquiry.Channel channel, UUID patientId, OffsetDateTime firstContactAt,
                         @Size(max = 200) String referrer) {
    }

    /** @param appointmentNeeded false when the call settled it without a clinic appointment (e.g. sent to A&E) */
    record CallBack(@NotBlank @Size(max = 500) String note, @NotNull Boolean appointmentNeeded) {
    }

    @Operation(summary = "Record a first contact (phone or web); a referrer is noted when given, never required")
    @PostMapping("/enquiries")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.CREATE, record = "enquiry", id = "#result?.id()",
            patients = "#request.patientId()")
    ResponseEntity<EnquiryView> record(@Valid @RequestBody RecordEnquiry request, Authentication authentication,
                                       UriComponentsBuilder uri) {
        var id = enquiries.record(request.channel(), request.patientId(),
                request.firstContactAt() == null ? null : request.firstContactAt().toInstant(),
                blankToNull(request.referrer()), ClinicUser.of(authentication).userId());
        return ResponseEntity.created(uri.path("/api/booking/enquiries/{id}").build(id)).body(queries.view(id));
    }

    @Operation(summary = "Enquiries still waiting for a booking, most urgent first (paged)")
    @GetMapping("/enquiries/awaiting-booking")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.READ, record = "enquiry", patients = "#result?.items().![patientId()]")
    PageOf<EnquiryView> awaitingBooking(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.awaitingBooking(page, size);
    }

    @Operation(summary = "An enquiry and where its 48-hour promise stands")
    @GetMapping("/enquiries/{id}")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.READ, record = "enquiry", id = "#id", patients = "#result?.patientId()")
    EnquiryView read(@PathVariable UUID id) {
        return queries.view(id);
    }

    @Operation(summary = "Record the clinic's call back to an enquiry with red flags, and whether it needs a booking")
    @PostMapping("/enquiries/{id}/call-back")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.CHANGE, record = "enquiry", id = "#id", patients = "#result?.patientId()")
    EnquiryView callBack(@PathVariable UUID id, @Valid @RequestBody CallBack request, Authentication authentication) {
        enquiries.calledBack(id, request.note().strip(), request.appointmentNeeded(),
                ClinicUser.of(authentication).userId());
        return queries.view(id);
    }

    @Operation(summary = "The earliest free consultations for an enquiry, each marked whether it keeps the promise")
    @GetMapping("/enquiries/{id}/earliest-slots")
    @PreAuthorize(RECEPTION)
    @Audited(action = AuditAction.READ, record = "enquiry", id = "#id")
    List<SlotOffer> earliestSlots(@PathVariable UUID id,
                                  @RequestParam(defaultValue = "FREE_CONSULTATION") AppointmentType appointmentType,
                                  @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return queries.earliestSlots(id, appointmentType, limit);
    }

    @Operation(summary = "Per week of first contact: the share seen within 48 hours and the median time to appointment")
    @GetMapping("/reports/access")
    @PreAuthorize(RECEPTION)
    List<WeekOfAccess> accessReport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.weeksOfAccess(from, to);
    }

    @Operation(summary = "The same report as CSV, for a spreadsheet (Accept: text/csv)")
    @GetMapping(value = "/reports/access", produces = AccessReportCsv.MEDIA_TYPE)
    @PreAuthorize(RECEPTION)
    ResponseEntity<String> accessReportAsCsv(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return AccessReportCsv.response(queries.weeksOfAccess(from, to), from, to);
    }

    /** {@code ?format=csv}: for a plain download link, which cannot choose its Accept header. */
    @Operation(summary = "The same report as CSV (?format=csv)")
    @GetMapping(value = "/reports/access", params = "format=csv")
    @PreAuthorize(RECEPTION)
    ResponseEntity<String> accessReportAsCsvByParameter(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return accessReportAsCsv(from, to);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
