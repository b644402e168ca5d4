package org.clinicflow.web.desk;

import org.clinicflow.web.appointment.Appointments;
import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.ClinicTime;
import org.clinicflow.web.platform.DateFields;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Labels;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * From "hello" to "you're booked". Each step's state travels in the address (enquiry, patient, hold), so a
 * receptionist can go back a step, and a refresh never books twice: every change is a POST answered by a redirect.
 */
@Controller
@RequestMapping("/desk")
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
class DeskController {

    /** How many slots the page shows; the search asks for more when a site is chosen, since it filters after. */
    private static final int SHOWN = 12;
    /** The field booking-service names for a reason to go past a booking rule. */
    private static final String OVERRIDE = "overrideReason";
    /** How the registration form names the fields that booking-service's problem details name. */
    private static final Map<String, String> PATIENT_FIELDS = Map.of("givenName", "Given name",
            "familyName", "Family name", "dateOfBirth", "Date of birth", "email", "Email address",
            "mobilePhone", "Mobile number", "nhsNumber", "NHS number");

    private final Desk desk;
    private final Appointments appointments;
    private final Directory directory;
    private final ClinicTime time;
    private final Services services;

    DeskController(Desk desk, Appointments appointments, Directory directory, ClinicTime time, Services services) {
        this.services = services;
        this.desk = desk;
        this.appointments = appointments;
        this.directory = directory;
        this.time = time;
    }

    // --- 1. the first contact -------------------------------------------------------------------------------------

    @GetMapping
    String newEnquiry(Model model) {
        var now = time.now();
        model.addAttribute("channel", "PHONE");
        model.addAttribute("contactDay", Integer.toString(now.getDayOfMonth()));
        model.addAttribute("contactMonth", Integer.toString(now.getMonthValue()));
        model.addAttribute("contactYear", Integer.toString(now.getYear()));
        model.addAttribute("contactTime", now.toLocalTime().withSecond(0).withNano(0).toString());
        model.addAttribute("referrer", "");
        model.addAttribute("errors", new FormErrors());
        return "desk/new-enquiry";
    }

    @PostMapping("/enquiries")
    String recordEnquiry(@RequestParam(defaultValue = "") String channel,
                         @RequestParam(defaultValue = "") String contactDay,
                         @RequestParam(defaultValue = "") String contactMonth,
                         @RequestParam(defaultValue = "") String contactYear,
                         @RequestParam(defaultValue = "") String contactTime,
                         @RequestParam(defaultValue = "") String referrer, Model model) {
        var errors = new FormErrors();
        if (!channel.equals("PHONE") && !channel.equals("WEB")) {
            errors.add("channel", "Choose how the patient got in touch");
        }
        OffsetDateTime firstContact = null;
        var day = DateFields.parse(contactDay, contactMonth, contactYear);
        try {
            if (day.isPresent()) {
                firstContact = time.at(day.get(), LocalTime.parse(contactTime.strip()));
            }
        } catch (DateTimeParseException e) {
            day = Optional.empty();
        }
        if (day.isEmpty()) {
            errors.add("contactDate", "Enter the date and time of the first contact, for example 3 12 2026 and"
                    + " 09:30");
        }
        if (referrer.length() > 200) {
            errors.add("referrer", "Referrer must be 200 characters or fewer");
        }
        if (!errors.any()) {
            try {
                var enquiry = desk.record(channel, firstContact, referrer);
                return "redirect:/desk/enquiries/" + enquiry.id();
            } catch (ServiceProblem refused) {
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, Map.of("firstContactAt", "First contact"))
                        .renamed("firstContactAt", "contactDate");
            }
        }
        model.addAttribute("channel", channel);
        model.addAttribute("contactDay", contactDay);
        model.addAttribute("contactMonth", contactMonth);
        model.addAttribute("contactYear", contactYear);
        model.addAttribute("contactTime", contactTime);
        model.addAttribute("referrer", referrer);
        model.addAttribute("errors", errors);
        return "desk/new-enquiry";
    }

    // --- 2. the patient -------------------------------------------------------------------------------------------

    @GetMapping("/enquiries/{id}")
    String findPatient(@PathVariable UUID id, @RequestParam(required = false) String nhsNumber,
                       @RequestParam(required = false) String familyName,
                       @RequestParam(required = false) String dobDay, @RequestParam(required = false) String dobMonth,
                       @RequestParam(required = false) String dobYear, Model model) {
        var enquiry = desk.enquiry(id);
        if (enquiry.booked()) {
            return "redirect:/desk/appointments/" + enquiry.appointmentId() + "/booked";
        }
        model.addAttribute("enquiry", enquiry);
        var errors = new FormErrors();
        List<Desk.PatientMatch> matches = null;
        boolean searched = nhsNumber != null || familyName != null;
        if (nhsNumber != null && !nhsNumber.isBlank()) {
            var digits = nhsNumber.replaceAll("\\s", "");
            if (!digits.matches("[0-9]{10}")) {
                errors.add("nhsNumber", "Enter the NHS number as 10 digits, for example 943 476 5919");
            } else {
                matches = search(() -> desk.findByNhsNumber(digits), errors, "nhsNumber");
            }
        } else if (familyName != null) {
            var dob = DateFields.parse(dobDay, dobMonth, dobYear);
            if (familyName.isBlank()) {
                errors.add("familyName", "Enter the family name, or search by NHS number");
            }
            if (dob.isEmpty()) {
                errors.add("dateOfBirth", "Enter the date of birth as day, month and year, for example 27 3 1948");
            }
            if (!errors.any()) {
                matches = search(() -> desk.findByName(familyName.strip(), dob.get()), errors, "familyName");
            }
        }
        model.addAttribute("searched", searched && !errors.any());
        model.addAttribute("matches", matches == null ? List.of() : matches);
        model.addAttribute("nhsNumber", nhsNumber == null ? "" : nhsNumber);
        model.addAttribute("familyName", familyName == null ? "" : familyName);
        model.addAttribute("dobDay", dobDay == null ? "" : dobDay);
        model.addAttribute("dobMonth", dobMonth == null ? "" : dobMonth);
        model.addAttribute("dobYear", dobYear == null ? "" : dobYear);
        model.addAttribute("errors", errors);
        return "desk/find-patient";
    }

    @GetMapping("/enquiries/{id}/register")
    String registerForm(@PathVariable UUID id, Model model) {
        model.addAttribute("enquiry", desk.enquiry(id));
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", new FormErrors());
        return "desk/register";
    }

    @PostMapping("/enquiries/{id}/register")
    String register(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        var errors = new FormErrors();
        var values = new HashMap<String, String>();
        form.forEach((key, list) -> values.put(key, list.isEmpty() ? "" : list.getFirst().strip()));
        var registration = new HashMap<String, Object>();
        for (var field : List.of("givenName", "familyName")) {
            if (values.getOrDefault(field, "").isBlank()) {
                errors.add(field, field.equals("givenName") ? "Enter the given name" : "Enter the family name");
            }
            registration.put(field, values.getOrDefault(field, ""));
        }
        var dob = DateFields.parse(values.get("dobDay"), values.get("dobMonth"), values.get("dobYear"));
        if (dob.isEmpty()) {
            errors.add("dateOfBirth", "Enter the date of birth as day, month and year, for example 27 3 1948");
        } else if (!dob.get().isBefore(time.today())) {
            errors.add("dateOfBirth", "Date of birth must be in the past");
        }
        dob.ifPresent(date -> registration.put("dateOfBirth", date));
        // booking-service checks the number (ten digits and the check digit) and names the field if it is wrong.
        var nhs = values.getOrDefault("nhsNumber", "").replaceAll("\\s", "");
        registration.put("nhsNumber", nhs.isEmpty() ? null : nhs);
        registration.put("email", blankToNull(values.get("email")));
        registration.put("mobilePhone", blankToNull(values.get("mobilePhone")));
        registration.put("emailConsent", values.containsKey("emailConsent"));
        registration.put("smsConsent", values.containsKey("smsConsent"));
        if (values.containsKey("emailConsent") && blankToNull(values.get("email")) == null) {
            errors.add("email", "Enter an email address, or untick consent to email");
        }
        if (values.containsKey("smsConsent") && blankToNull(values.get("mobilePhone")) == null) {
            errors.add("mobilePhone", "Enter a mobile number, or untick consent to text messages");
        }
        if (!errors.any()) {
            try {
                var patient = desk.register(registration);
                return "redirect:/desk/enquiries/" + id + "/slots?patient=" + patient.id();
            } catch (ServiceProblem refused) {
                if (!refused.invalid() && !refused.conflict()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, PATIENT_FIELDS);
                if (refused.conflict()) {
                    errors.add("nhsNumber", "A patient with this NHS number is already registered: search for them"
                            + " instead");
                }
            }
        }
        model.addAttribute("enquiry", desk.enquiry(id));
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        return "desk/register";
    }

    // --- a red flag: the call back comes before any booking ----------------------------------------------------

    @GetMapping("/enquiries/{id}/call-back")
    String callBackForm(@PathVariable UUID id, Model model) {
        return callBack(model, desk.enquiry(id), Map.of(), new FormErrors());
    }

    @PostMapping("/enquiries/{id}/call-back")
    String callBack(@PathVariable UUID id, @RequestParam(required = false) String note,
                    @RequestParam(required = false) String appointmentNeeded, Model model) {
        var errors = new FormErrors();
        var typed = note == null ? "" : note.strip();
        if (typed.isEmpty()) {
            errors.add("note", "Enter what was said and advised on the call");
        } else if (typed.length() > 500) {
            errors.add("note", "The note must be 500 characters or fewer");
        }
        if (!"yes".equals(appointmentNeeded) && !"no".equals(appointmentNeeded)) {
            errors.add("appointmentNeeded", "Say whether the patient needs an appointment at the clinic");
        }
        var values = new HashMap<String, String>();
        values.put("note", typed);
        values.put("appointmentNeeded", appointmentNeeded == null ? "" : appointmentNeeded);
        if (errors.any()) {
            return callBack(model, desk.enquiry(id), values, errors);
        }
        try {
            var enquiry = desk.callBack(id, typed, "yes".equals(appointmentNeeded));
            return "yes".equals(appointmentNeeded)
                    ? "redirect:/desk/enquiries/" + id + "/slots?patient=" + enquiry.patientId()
                    : "redirect:/todo?done=called-back";
        } catch (ServiceProblem refused) {
            if (!refused.invalid()) {
                throw refused;
            }
            return callBack(model, desk.enquiry(id), values, FormErrors.of(refused, Map.of("note", "The note")));
        }
    }

    private String callBack(Model model, Desk.Enquiry enquiry, Map<String, String> values, FormErrors errors) {
        model.addAttribute("enquiry", enquiry);
        model.addAttribute("patient", enquiry.patientId() == null ? null : desk.patient(enquiry.patientId()));
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        return "desk/call-back";
    }

    // --- 3. the slot ----------------------------------------------------------------------------------------------

    @GetMapping("/enquiries/{id}/slots")
    String slots(@PathVariable UUID id, @RequestParam UUID patient,
                 @RequestParam(defaultValue = "FREE_CONSULTATION") String type,
                 @RequestParam(required = false) UUID clinician, @RequestParam(required = false) UUID site,
                 @RequestParam(required = false) String taken,
                 @RequestParam(defaultValue = "false") boolean insideRules, Model model) {
        if (!Labels.BOOKABLE_TYPES.contains(type)) {
            type = "FREE_CONSULTATION";
        }
        // Four calls that need nothing of each other, made side by side.
        var search = type;
        var earliest = services.soon(() -> appointments.earliest(search, clinician, null, site == null ? SHOWN : 100,
                insideRules));
        var caller = services.soon(() -> desk.patient(patient));
        var names = services.soon(directory::names);
        var enquiry = desk.enquiry(id);
        if (enquiry.booked()) {
            return "redirect:/desk/appointments/" + enquiry.appointmentId() + "/booked";
        }
        if (enquiry.urgent()) {
            return "redirect:/desk/enquiries/" + id + "/call-back";
        }
        var found = earliest.get().stream().filter(slot -> site == null || site.equals(slot.siteId()))
                .limit(SHOWN).toList();
        model.addAttribute("enquiry", enquiry);
        model.addAttribute("patient", caller.get());
        model.addAttribute("slots", found);
        model.addAttribute("names", names.get());
        model.addAttribute("type", type);
        model.addAttribute("clinician", clinician);
        model.addAttribute("site", site);
        model.addAttribute("taken", taken != null);
        model.addAttribute("insideRules", insideRules);
        return "desk/slots";
    }

    @PostMapping("/enquiries/{id}/holds")
    String hold(@PathVariable UUID id, @RequestParam UUID patient, @RequestParam UUID clinician,
                @RequestParam String type, @RequestParam OffsetDateTime startsAt,
                @RequestParam(required = false) UUID site) {
        try {
            var hold = appointments.hold(clinician, type, startsAt);
            return "redirect:" + UriComponentsBuilder.fromPath("/desk/enquiries/{id}/confirm")
                    .queryParam("patient", patient).queryParam("hold", hold.id())
                    .queryParam("clinician", hold.clinicianId()).queryParam("site", hold.siteId())
                    .queryParam("type", hold.appointmentType()).queryParam("startsAt", hold.startsAt().toString())
                    .queryParam("heldUntil", hold.holdExpiresAt().toString())
                    .encode().buildAndExpand(id).toUriString();
        } catch (ServiceProblem refused) {
            if (!refused.conflict()) {
                throw refused;
            }
            return takenMeanwhile(id, patient, type);
        }
    }

    @GetMapping("/enquiries/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam UUID patient, @RequestParam UUID hold,
                   @RequestParam UUID clinician, @RequestParam UUID site, @RequestParam String type,
                   @RequestParam OffsetDateTime startsAt, @RequestParam OffsetDateTime heldUntil, Model model) {
        var enquiry = desk.enquiry(id);
        model.addAttribute("enquiry", enquiry);
        model.addAttribute("patient", desk.patient(patient));
        model.addAttribute("names", directory.names());
        model.addAttribute("hold", hold);
        model.addAttribute("clinician", clinician);
        model.addAttribute("site", site);
        model.addAttribute("type", type);
        model.addAttribute("startsAt", startsAt);
        model.addAttribute("heldUntil", heldUntil);
        model.addAttribute("withinTarget", !startsAt.isAfter(enquiry.deadline()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "desk/confirm";
    }

    /**
     * Books the held time. A time that breaks a booking rule (reception chose one inside the rules, or the clock
     * passed the notice while the hold was open) comes back to this page with the rule named and a reason for
     * overriding asked for; the hold is still the patient's until it runs out.
     */
    @PostMapping("/enquiries/{id}/bookings")
    String book(@PathVariable UUID id, @RequestParam UUID patient, @RequestParam UUID hold,
                @RequestParam String type, @RequestParam(defaultValue = "") String reason,
                @RequestParam(required = false) String overrideReason,
                @RequestParam(required = false) UUID clinician, @RequestParam(required = false) UUID site,
                @RequestParam(required = false) OffsetDateTime startsAt,
                @RequestParam(required = false) OffsetDateTime heldUntil, Model model) {
        var visit = reason.length() > 500 ? reason.substring(0, 500) : reason;
        var again = clinician != null && site != null && startsAt != null && heldUntil != null;
        if (overrideReason != null && overrideReason.isBlank() && again) {
            model.addAttribute("errors", new FormErrors().add(OVERRIDE, "Enter why the rule should be overridden"));
            model.addAttribute("visitReason", visit);
            return confirm(id, patient, hold, clinician, site, type, startsAt, heldUntil, model);
        }
        try {
            var booked = appointments.bookHeld(hold, patient, visit, id, null, overrideReason);
            return "redirect:/desk/appointments/" + booked.id() + "/booked";
        } catch (ServiceProblem refused) {
            if ((refused.overridable() || refused.fieldErrors().containsKey(OVERRIDE)) && again) {
                model.addAttribute("errors", FormErrors.of(refused, Map.of("startsAt", "The time", OVERRIDE,
                        "A reason for overriding")).renamed("startsAt", OVERRIDE));
                model.addAttribute("visitReason", visit);
                return confirm(id, patient, hold, clinician, site, type, startsAt, heldUntil, model);
            }
            // The hold ran out (422) and perhaps someone else took the time (409), or the hold is gone: either way,
            // fresh times.
            if (refused.conflict() || refused.status() == 404 || refused.status() == 410 || refused.status() == 422) {
                return takenMeanwhile(id, patient, type);
            }
            throw refused;
        }
    }

    // --- 4. booked ------------------------------------------------------------------------------------------------

    @GetMapping("/appointments/{id}/booked")
    String booked(@PathVariable UUID id, Model model) {
        var appointment = appointments.read(id);
        model.addAttribute("appointment", appointment);
        model.addAttribute("patient", desk.patient(appointment.patientId()));
        model.addAttribute("names", directory.names());
        return "desk/booked";
    }

    private static String takenMeanwhile(UUID enquiry, UUID patient, String type) {
        return "redirect:/desk/enquiries/" + enquiry + "/slots?patient=" + patient + "&type=" + type + "&taken";
    }

    private static <T> T search(java.util.function.Supplier<T> query, FormErrors errors, String field) {
        try {
            return query.get();
        } catch (ServiceProblem refused) {
            if (!refused.invalid()) {
                throw refused;
            }
            errors.add(field, refused.detail());
            return null;
        }
    }

    /** Day, month and year as typed into three boxes; empty when they do not make a date. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
