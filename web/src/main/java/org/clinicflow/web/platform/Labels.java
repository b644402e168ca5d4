package org.clinicflow.web.platform;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The words people use for the APIs' codes. Templates reach it as {@code @labels}. */
@Component("labels")
public class Labels {

    /** The kinds a receptionist books, in the order they are offered. */
    public static final List<String> BOOKABLE_TYPES = List.of("FREE_CONSULTATION", "FULL_CONSULTATION",
            "POST_PROCEDURE_REVIEW", "PROCEDURE");

    private static final Map<String, String> TYPES = Map.of(
            "FREE_CONSULTATION", "Free 15-minute consultation",
            "FULL_CONSULTATION", "Full consultation",
            "POST_PROCEDURE_REVIEW", "6-week post-procedure review",
            "PROCEDURE", "Procedure (theatre)");

    private static final Map<String, String> STATUSES = Map.of(
            "HELD", "Held",
            "BOOKED", "Booked",
            "CHECKED_IN", "Checked in",
            "COMPLETED", "Completed",
            "CANCELLED", "Cancelled",
            "NO_SHOW", "Did not attend");

    private static final Map<String, String> STATUS_TAGS = Map.of(
            "BOOKED", "govuk-tag--blue",
            "CHECKED_IN", "govuk-tag--green",
            "COMPLETED", "govuk-tag--grey",
            "CANCELLED", "govuk-tag--red",
            "NO_SHOW", "govuk-tag--orange");

    private static final Map<String, String> TREATMENTS = Map.of(
            "BALLOON_KYPHOPLASTY", "Balloon kyphoplasty",
            "VERTEBROPLASTY", "Vertebroplasty");

    private static final Map<String, String> ACTIONS = Map.of(
            "BOOKED", "Booked",
            "RESCHEDULED", "Moved",
            "CANCELLED", "Cancelled",
            "CHECKED_IN", "Checked in",
            "NO_SHOW", "Marked did not attend",
            "COMPLETED", "Completed",
            "OVERBOOKED", "Overbooked");

    private static final Map<String, String> CHANNELS = Map.of(
            "PHONE", "By phone",
            "WEB", "Web enquiry",
            "EMAIL", "email",
            "SMS", "SMS");

    private static final Map<String, String> PURPOSES = Map.of(
            "CONFIRMATION", "Booking confirmation",
            "MOVED", "Appointment moved",
            "CANCELLED", "Appointment cancelled",
            "TWO_DAYS_BEFORE", "Reminder two days before",
            "TWO_HOURS_BEFORE", "Reminder two hours before",
            "PATHWAY_MESSAGE", "Follow-up message",
            "WAITLIST_OFFER", "Earlier time offered");

    /** What became of an offer from the waiting list. */
    private static final Map<String, String> OFFER_STATUSES = Map.of(
            "OPEN", "waiting for an answer",
            "ACCEPTED", "taken",
            "DECLINED", "turned down",
            "GONE", "taken by someone else first",
            "EXPIRED", "lapsed");

    /** The red flags of a self-referral, as reception reads them before calling back. */
    private static final Map<String, String> RED_FLAGS = Map.of(
            "BLADDER_OR_BOWEL", "New trouble passing urine, or loss of bladder or bowel control",
            "SADDLE_NUMBNESS", "Numbness around the genitals or back passage",
            "LEG_WEAKNESS", "New weakness or numbness in the legs, getting worse",
            "CANCER_HISTORY", "Cancer now or in the past",
            "FEVER_OR_UNWELL", "Fever or feeling unwell with the pain",
            "MAJOR_INJURY", "Recent major injury");

    public String redFlag(String code) {
        return RED_FLAGS.getOrDefault(code, code);
    }

    public String type(String code) {
        return TYPES.getOrDefault(code, code);
    }

    public List<String> bookableTypes() {
        return BOOKABLE_TYPES;
    }

    public String status(String code) {
        return STATUSES.getOrDefault(code, code);
    }

    public String statusTag(String code) {
        return STATUS_TAGS.getOrDefault(code, "govuk-tag--grey");
    }

    public String treatment(String code) {
        return TREATMENTS.getOrDefault(code, code);
    }

    /** A code the service left out (a message with no channel to go by) is no label, not a broken page. */
    public String channel(String code) {
        return code == null ? "" : CHANNELS.getOrDefault(code, code);
    }

    public String purpose(String code) {
        return code == null ? "" : PURPOSES.getOrDefault(code, code);
    }

    /**
     * A message as its patient should read it: sent is not arrived, so a text says delivered only once Notify says
     * so. Email has no receipt, so it reads as sent.
     */
    public String messageStatus(String status, String delivery) {
        return switch (status == null ? "" : status) {
            case "SENT" -> "DELIVERED".equals(delivery) ? "Delivered"
                    : "PENDING".equals(delivery) ? "Sent, not yet delivered" : "Sent";
            case "FAILED" -> "Not delivered: we will contact you";
            case "CANCELLED" -> "Not sent: no longer needed";
            default -> "Waiting to be sent";
        };
    }

    public String messageTag(String status, String delivery) {
        return switch (status == null ? "" : status) {
            case "SENT" -> "DELIVERED".equals(delivery) ? "govuk-tag--green" : "govuk-tag--blue";
            case "FAILED" -> "govuk-tag--red";
            default -> "govuk-tag--grey";
        };
    }

    /** The appointment messages as clinic admin names them: the reminders by order, since their timing can change. */
    public String messageKind(String purpose) {
        return switch (purpose) {
            case "TWO_DAYS_BEFORE" -> "First reminder";
            case "TWO_HOURS_BEFORE" -> "Second reminder";
            default -> purpose(purpose);
        };
    }

    public String offerStatus(String code) {
        return OFFER_STATUSES.getOrDefault(code, code);
    }

    public String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }
}
