package org.clinicflow.content.signoff;

import jakarta.persistence.Embeddable;

/**
 * A section's Markdown and the safe HTML rendered from it when it was written. Storing the HTML freezes it with the
 * version: a later renderer cannot change what a published version showed, and reads do no rendering.
 */
@Embeddable
public class RenderedSection {

    private String markdown;
    private String html;

    protected RenderedSection() {
    }

    RenderedSection(String markdown, String html) {
        this.markdown = markdown;
        this.html = html;
    }

    public String markdown() {
        return markdown;
    }

    public String html() {
        return html;
    }
}
