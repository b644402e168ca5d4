package org.clinicflow.web.platform;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A date typed as three fields (day, month, year), the design system's pattern for dates people know or can read off
 * a paper: it works the same in every browser and with the keyboard alone, unlike a date picker.
 */
public final class DateFields {

    private DateFields() {
    }

    /** The date the three fields name, or empty when they do not name one (31 February, letters, blanks). */
    public static Optional<LocalDate> parse(String day, String month, String year) {
        if (day == null || month == null || year == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The day a page is asked for: from its three fields when a person typed them, else from the {@code date}
     * parameter (yyyy-mm-dd) that the page's own links carry, else today. {@code invalid} says the typed or linked
     * date named no day, and today is shown instead.
     */
    public record Choice(LocalDate day, boolean invalid) {
    }

    public static Choice choose(String iso, String day, String month, String year, LocalDate today) {
        boolean typed = !(blank(day) && blank(month) && blank(year));
        if (typed) {
            return parse(day, month, year).map(d -> new Choice(d, false)).orElse(new Choice(today, true));
        }
        if (!blank(iso)) {
            try {
                return new Choice(LocalDate.parse(iso.strip()), false);
            } catch (java.time.format.DateTimeParseException e) {
                return new Choice(today, true);
            }
        }
        return new Choice(today, false);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
