package org.clinicflow.web.referral;

import org.clinicflow.web.platform.ClinicTime;
import org.clinicflow.web.platform.DateFields;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.ServiceProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * "Request a free 15-minute consultation": one page of questions, then either urgent advice or the earliest free
 * consultations to choose from. Every answer is checked here first, so that a person sees each mistake beside its
 * question; booking-service checks them again and its refusals land beside the same questions.
 */
@Controller
@RequestMapping("/refer")
class ReferralController {

    /**
     * The screening questions, in the order asked. The wording is the project's own, written against the red flags
     * UK spinal pathways screen for, and shown as demo wording until a clinician signs it off.
     */
    record Question(String field, String text, String hint) {
    }

    static final List<Question> SCREENING = List.of(
            new Question("bladderOrBowel", "Since your back pain started, have you had new trouble passing urine, or"
                    + " lost control of your bladder or bowels?", null),
            new Question("saddleNumbness", "Do you have numbness or tingling around your genitals or back passage?",
                    "The area that would touch a saddle if you sat on one."),
            new Question("legWeakness", "Do you have weakness or numbness in one or both legs that is new and getting"
                    + " worse?", null),
            new Question("cancerHistory", "Do you have cancer now, or have you had cancer in the past?", null),
            new Question("feverOrUnwell", "Do you have a high temperature, or feel generally unwell, as well as the"
                    + " back pain?", null),
            new Question("majorInjury", "Did the pain start after a major injury, such as a fall from a height or a"
                    + " road accident?", null));

    private static final Map<String, String> LABELS = Map.of("givenName", "First name", "familyName", "Last name",
            "dateOfBirth", "Date of birth", "email", "Email address", "mobilePhone", "Phone number",
            "reason", "What is the problem", "emailConsent", "Email", "smsConsent", "Text messages");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** A referral's key as booking-service makes them; anything else is not looked up. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    private static final int REASON_LIMIT = 500;

    private final SelfReferrals referrals;
    private final ClinicTime time;

    ReferralController(SelfReferrals referrals, ClinicTime time) {
        this.referrals = referrals;
        this.time = time;
    }

    @GetMapping
    String form(Model model) {
        return form(model, Map.of("submissionKey", UUID.randomUUID().toString()), new FormErrors());
    }

    @PostMapping
    String submit(@RequestParam MultiValueMap<String, String> form, Model model) {
        var values = new HashMap<String, String>();
        form.forEach((key, list) -> values.put(key, list.isEmpty() ? "" : list.getFirst().strip()));
        // A field no person sees or fills in: a form that arrives with it filled was sent by a script. It is thanked
        // like anyone, so that it learns nothing, and nothing is stored.
        if (!values.getOrDefault("website", "").isEmpty()) {
            return "referral/received";
        }
        var errors = new FormErrors();
        var referral = new LinkedHashMap<String, Object>();
        UUID submissionKey;
        try {
            submissionKey = UUID.fromString(values.getOrDefault("submissionKey", ""));
        } catch (IllegalArgumentException e) {
            submissionKey = UUID.randomUUID();
            values.put("submissionKey", submissionKey.toString());
        }
        referral.put("submissionKey", submissionKey);
        text(values, "givenName", 100, "Enter your first name", errors, referral);
        text(values, "familyName", 100, "Enter your last name", errors, referral);
        var dob = DateFields.parse(values.get("dobDay"), values.get("dobMonth"), values.get("dobYear"));
        if (dob.isEmpty()) {
            errors.add("dateOfBirth", "Enter your date of birth as day, month and year, for example 27 3 1948");
        } else if (!dob.get().isBefore(time.today()) || dob.get().getYear() < 1900) {
            errors.add("dateOfBirth", "Date of birth must be a real date in the past");
        }
        dob.ifPresent(date -> referral.put("dateOfBirth", date));
        var phone = values.getOrDefault("mobilePhone", "");
        // booking-service reads the number (libphonenumber) and names the field when it is not one, or cannot take
        // the texts asked for; a pattern here would refuse numbers it accepts, such as (020) 7946 0000.
        if (phone.isEmpty()) {
            errors.add("mobilePhone", "Enter a phone number, so that the clinic can call you");
        }
        referral.put("mobilePhone", phone);
        var email = values.getOrDefault("email", "");
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add("email", "Enter an email address in the correct format, like name@example.com");
        }
        referral.put("email", email.isEmpty() ? null : email);
        referral.put("emailConsent", values.containsKey("emailConsent"));
        referral.put("smsConsent", values.containsKey("smsConsent"));
        if (values.containsKey("emailConsent") && email.isEmpty()) {
            errors.add("email", "Enter your email address, or untick email");
        }
        text(values, "reason", REASON_LIMIT, "Tell us in a few words what the problem is", errors, referral);
        var screening = new LinkedHashMap<String, Boolean>();
        for (var question : SCREENING) {
            var answer = values.get(question.field());
            if (!"yes".equals(answer) && !"no".equals(answer)) {
                errors.add(question.field(), "Answer yes or no");
            } else {
                screening.put(question.field(), answer.equals("yes"));
            }
        }
        referral.put("screening", screening);
        if (errors.any()) {
            return form(model, values, errors);
        }
        try {
            var submitted = referrals.submit(referral);
            return submitted.urgent() ? "redirect:/refer/" + submitted.id() + "/urgent"
                    : "redirect:/refer/" + submitted.id() + "/slots?key=" + submitted.accessKey();
        } catch (ServiceProblem refused) {
            if (!refused.invalid()) {
                throw refused;
            }
            var fromService = FormErrors.of(refused, LABELS);
            for (var question : SCREENING) {
                fromService.renamed("screening." + question.field(), question.field());
            }
            return form(model, values, fromService);
        }
    }

    /** Shown at once when any answer was yes: what to do now, in plain words, and that the clinic will call. */
    @GetMapping("/{id}/urgent")
    String urgent(@PathVariable UUID id) {
        return "referral/urgent";
    }

    @GetMapping("/{id}/slots")
    String slots(@PathVariable UUID id, @RequestParam(required = false) String key,
                 @RequestParam(required = false) String taken, Model model) {
        var referral = open(id, key);
        if (referral.urgent()) {
            return "redirect:/refer/" + id + "/urgent";
        }
        if (referral.appointment() != null) {
            return "redirect:/refer/" + id + "/booked?key=" + key;
        }
        return slots(model, id, key, referral, new FormErrors(), taken != null);
    }

    @PostMapping("/{id}/slots")
    String book(@PathVariable UUID id, @RequestParam(required = false) String key,
                @RequestParam(required = false) String slot, Model model) {
        var referral = open(id, key);
        var parts = slot == null ? new String[0] : slot.split("\\|", 2);
        if (parts.length != 2) {
            return slots(model, id, key, referral, new FormErrors().add("slot", "Choose a time"), false);
        }
        try {
            referrals.book(id, key, UUID.fromString(parts[0]), OffsetDateTime.parse(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException notAChoice) {
            return slots(model, id, key, referral, new FormErrors().add("slot", "Choose one of the times shown"),
                    false);
        } catch (ServiceProblem refused) {
            if (refused.conflict() || refused.invalid()) {
                // Someone else took it a moment ago (or it is no longer offered): fresh times, and why.
                return "redirect:/refer/" + id + "/slots?key=" + key + "&taken";
            }
            throw refused;
        }
        return "redirect:/refer/" + id + "/booked?key=" + key;
    }

    @GetMapping("/{id}/booked")
    String booked(@PathVariable UUID id, @RequestParam(required = false) String key, Model model) {
        var referral = open(id, key);
        if (referral.appointment() == null) {
            return "redirect:/refer/" + id + "/slots?key=" + key;
        }
        model.addAttribute("referral", referral);
        return "referral/booked";
    }

    private SelfReferrals.Referral open(UUID id, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ServiceProblem(404, "No such referral", Map.of());
        }
        return referrals.read(id, key);
    }

    private String slots(Model model, UUID id, String key, SelfReferrals.Referral referral, FormErrors errors,
                         boolean taken) {
        model.addAttribute("referral", referral);
        model.addAttribute("key", key);
        model.addAttribute("slots", referrals.earliest(id, key));
        model.addAttribute("errors", errors);
        model.addAttribute("taken", taken);
        return "referral/slots";
    }

    private String form(Model model, Map<String, String> values, FormErrors errors) {
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("questions", SCREENING);
        model.addAttribute("reasonLimit", REASON_LIMIT);
        return "referral/form";
    }

    private static void text(Map<String, String> values, String field, int limit, String missing, FormErrors errors,
                             Map<String, Object> into) {
        var value = values.getOrDefault(field, "");
        if (value.isEmpty()) {
            errors.add(field, missing);
        } else if (value.length() > limit) {
            errors.add(field, LABELS.get(field) + " must be " + limit + " characters or fewer");
        }
        into.put(field, value);
    }
}
