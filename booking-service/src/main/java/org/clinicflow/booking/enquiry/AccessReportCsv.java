package org.clinicflow.booking.enquiry;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The weekly access report as RFC 4180 CSV: a header row, one row per week, CRLF line ends. Shares and hours are
 * written with a dot whatever the server's locale, so a spreadsheet reads them as numbers; an empty cell means "none
 * seen yet" (the JSON's null).
 */
final class AccessReportCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> HEADER = List.of("week_starting", "enquiries", "seen", "seen_within_48_hours",
            "share_seen_within_48_hours", "median_hours_to_appointment");

    private AccessReportCsv() {
    }

    static ResponseEntity<String> response(List<EnquiryQueries.WeekOfAccess> weeks, LocalDate from, LocalDate to) {
        var disposition = ContentDisposition.attachment()
                .filename("access-report-" + from + "-to-" + to + ".csv", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(write(weeks));
    }

    static String write(List<EnquiryQueries.WeekOfAccess> weeks) {
        return Stream.concat(Stream.of(HEADER), weeks.stream().map(AccessReportCsv::row))
                .map(cells -> cells.stream().map(AccessReportCsv::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static List<String> row(EnquiryQueries.WeekOfAccess week) {
        return List.of(week.weekStarting().toString(), Long.toString(week.enquiries()), Long.toString(week.seen()),
                Long.toString(week.seenWithinTarget()), number(week.shareSeenWithinTarget(), "%.4f"),
                number(week.medianHoursToAppointment(), "%.1f"));
    }

    private static String number(Double value, String format) {
        return value == null ? "" : String.format(Locale.ROOT, format, value);
    }

    /** Quoted when it holds a comma, quote or line break, with quotes doubled (RFC 4180, section 2). */
    static String cell(String value) {
        if (value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
