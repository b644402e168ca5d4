package org.clinicflow.followup.reminder;

import org.clinicflow.followup.notification.NewNotification.Wording;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a message template: the clinic's sentences with the appointment's facts as placeholders in braces. Four
 * placeholders exist; anything else in braces is refused rather than sent to a patient as it stands. A body must say
 * when, where and with whom, so {when}, {site} and {clinician} are each required in it. A title may use any of the
 * four or none. Braces that enclose nothing or another brace are left as written.
 */
final class TemplateText {

    static final String APPOINTMENT = "appointment";
    static final String CLINICIAN = "clinician";
    static final String SITE = "site";
    static final String WHEN = "when";
    static final List<String> PLACEHOLDERS = List.of(APPOINTMENT, CLINICIAN, SITE, WHEN);
    static final List<String> REQUIRED_IN_BODY = List.of(WHEN, SITE, CLINICIAN);

    static final int TITLE_MAX = 120;
    static final int BODY_MAX = 1000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private TemplateText() {
    }

    /** What is wrong with a title, in the words an admin reads beside the field; empty when nothing is. */
    static List<String> titleProblems(String title) {
        var problems = new ArrayList<String>();
        if (title == null || title.isBlank()) {
            problems.add("must not be blank");
            return problems;
        }
        if (length(title.strip()) > TITLE_MAX) {
            problems.add("must be at most " + TITLE_MAX + " characters");
        }
        unknown(title).forEach(name -> problems.add(unknownProblem(name)));
        return problems;
    }

    /** As {@link #titleProblems}, and each of {@link #REQUIRED_IN_BODY} must be there. */
    static List<String> bodyProblems(String body) {
        var problems = new ArrayList<String>();
        if (body == null || body.isBlank()) {
            problems.add("must not be blank");
            return problems;
        }
        if (length(body.strip()) > BODY_MAX) {
            problems.add("must be at most " + BODY_MAX + " characters");
        }
        unknown(body).forEach(name -> problems.add(unknownProblem(name)));
        var used = used(body);
        for (var required : REQUIRED_IN_BODY) {
            if (!used.contains(required)) {
                problems.add("must contain {" + required + "}, so that every message says when, where and with whom");
            }
        }
        return problems;
    }

    /** The words of a message: each placeholder replaced by its value in {@code values}. */
    static Wording fill(String title, String body, Map<String, String> values) {
        return new Wording(fill(title, values), fill(body, values));
    }

    static String fill(String text, Map<String, String> values) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> {
            var value = values.get(match.group(1));
            // A template is checked when stored, so every name here is known; a value missing would be a fault.
            if (value == null) {
                throw new IllegalStateException("No value for the placeholder {" + match.group(1) + "}");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    private static String unknownProblem(String name) {
        return "uses {" + name + "}, which is not one of {appointment}, {clinician}, {site}, {when}";
    }

    private static List<String> unknown(String text) {
        return used(text).stream().filter(name -> !PLACEHOLDERS.contains(name)).toList();
    }

    private static LinkedHashSet<String> used(String text) {
        var names = new LinkedHashSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Characters as the database counts them, so a limit here and its check constraint agree. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
