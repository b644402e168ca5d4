package org.clinicflow.content.reading;

import org.clinicflow.content.signoff.RenderedSection;
import org.clinicflow.content.signoff.TreatmentVersion;
import org.clinicflow.content.treatment.Section;

import java.util.Map;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * A published version as an HTML fragment for a web page or an email. Section bodies are the safe HTML stored with
 * the version; everything else is escaped here. Demo content says so before anything else.
 */
final class TreatmentPage {

    /** Part of the HTML ETag: change it whenever this layout changes, so caches do not keep the old one. */
    static final String LAYOUT = "html1";

    private TreatmentPage() {
    }

    static String of(TreatmentVersion version) {
        var html = new StringBuilder();
        html.append("<article class=\"treatment\" data-slug=\"").append(htmlEscape(version.treatmentSlug()))
                .append("\" data-version=\"").append(version.number())
                .append("\" data-content-hash=\"").append(version.contentHash()).append("\">\n");
        demoNotice(html, version);
        html.append("<h1>").append(htmlEscape(version.title())).append("</h1>\n");
        html.append("<p class=\"summary\">").append(htmlEscape(version.summary())).append("</p>\n");
        keyFacts(html, version);
        for (Map.Entry<Section, RenderedSection> entry : version.sections().entrySet()) {
            section(html, entry.getKey(), entry.getValue());
        }
        html.append("<footer>Version ").append(version.number()).append(", content hash ")
                .append(version.contentHash()).append("</footer>\n</article>\n");
        return html.toString();
    }

    static String section(TreatmentVersion version, Section section) {
        var html = new StringBuilder();
        demoNotice(html, version);
        section(html, section, version.sections().get(section));
        return html.toString();
    }

    private static void section(StringBuilder html, Section section, RenderedSection rendered) {
        html.append("<section id=\"").append(section.key()).append("\">\n<h2>").append(htmlEscape(section.heading()))
                .append("</h2>\n").append(rendered.html()).append("\n</section>\n");
    }

    private static void keyFacts(StringBuilder html, TreatmentVersion version) {
        var facts = version.keyFacts();
        html.append("<dl class=\"key-facts\">\n");
        fact(html, "Typical duration", facts.typicalDuration());
        fact(html, "Anaesthesia", facts.anaesthesia());
        fact(html, "Home the same day",
                facts.sameDayDischarge() == null ? null : facts.sameDayDischarge() ? "Usually" : "No");
        fact(html, "Complication rate", facts.complicationRate());
        html.append("</dl>\n");
    }

    private static void fact(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append("<dt>").append(name).append("</dt><dd>").append(htmlEscape(value)).append("</dd>\n");
        }
    }

    private static void demoNotice(StringBuilder html, TreatmentVersion version) {
        if (version.demo()) {
            html.append("<p class=\"demo-notice\"><strong>[Demo text]</strong> Example wording, not signed off by a ")
                    .append("surgeon in clinicflow. Do not rely on it.</p>\n");
        }
    }
}
