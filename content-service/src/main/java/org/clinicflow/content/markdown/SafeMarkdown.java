package org.clinicflow.content.markdown;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders section Markdown to HTML that carries no script: no {@code <script>} or {@code <style>}, no event-handler
 * attributes, no {@code javascript:} or {@code data:} links, no images or frames.
 * <p>
 * Two independent layers, because either alone has a history of bypasses: commonmark drops unsafe link schemes while
 * rendering, and the OWASP sanitizer then keeps only an allow-list of elements and attributes, whatever raw HTML the
 * Markdown contained. Parser, renderer and policy are immutable and thread-safe, so one instance serves everyone.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "code", "pre",
                    "blockquote", "a")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("noopener", "noreferrer")
            .allowAttributes("start").matching(true, "[0-9]{1,4}").onElements("ol")
            .toFactory();

    private SafeMarkdown() {
    }

    /** @param markdown CommonMark source, never null; returns sanitised HTML, empty for empty input */
    public static String toHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown))).strip();
    }
}
