package org.clinicflow.booking.lists;

import org.clinicflow.booking.availability.SessionKind;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A clinic or theatre list as a page to print: a table per day, in list order, every value escaped. */
final class PrintableList {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PrintableList() {
    }

    static String of(String title, SessionKind kind, List<ClinicLists.ListEntry> entries) {
        var html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2rem; }
                  table { border-collapse: collapse; width: 100%%; margin-bottom: 2rem; }
                  th, td { border: 1px solid #999; padding: .35rem .5rem; text-align: left; vertical-align: top; }
                  th { background: #eee; }
                  @media print { body { margin: 0; } h2 { break-before: auto; } tr { break-inside: avoid; } }
                </style></head><body>
                <h1>%s</h1>
                """.formatted(escape(title), escape(title)));
        LocalDate currentDay = null;
        for (var entry : entries) {
            var day = entry.startsAt().toLocalDate();
            if (!day.equals(currentDay)) {
                if (currentDay != null) {
                    html.append("</tbody></table>\n");
                }
                currentDay = day;
                html.append("<h2>").append(escape(DAY.format(day))).append("</h2>\n<table><thead><tr>")
                        .append("<th>Time</th><th>Patient</th><th>Date of birth</th><th>Type</th><th>Reason</th>")
                        .append(kind == SessionKind.THEATRE ? "<th>Planned</th><th>Room</th>" : "")
                        .append("<th>Status</th></tr></thead><tbody>\n");
            }
            html.append("<tr><td>").append(TIME.format(entry.startsAt())).append("–").append(TIME.format(entry.endsAt()))
                    .append("</td><td>").append(escape(entry.patientName()))
                    .append("</td><td>").append(entry.patientDateOfBirth())
                    .append("</td><td>").append(escape(entry.appointmentType()))
                    .append("</td><td>").append(escape(entry.reason()))
                    .append(kind == SessionKind.THEATRE ? "</td><td>" + escape(planned(entry)) + "</td><td>"
                            + escape(entry.room()) : "")
                    .append("</td><td>").append(escape(entry.status())).append("</td></tr>\n");
        }
        html.append(entries.isEmpty() ? "<p>No appointments.</p>\n" : "</tbody></table>\n").append("</body></html>\n");
        return html.toString();
    }

    private static String planned(ClinicLists.ListEntry entry) {
        return entry.plannedTreatment() == null ? "Not planned"
                : entry.plannedTreatment() + " " + String.join(", ", entry.plannedLevels());
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
