package org.clinicflow.followup.content;

import java.util.Map;

/**
 * One published version of a treatment's content; {@code version} and {@code contentHash} name exactly the words a
 * patient was sent.
 *
 * @param demo     true for wording no surgeon signed off: messages must say so
 * @param sections section key (e.g. {@code recovery}) to its Markdown
 */
public record QuotedContent(String slug, int version, String contentHash, boolean demo, String title,
                            Map<String, String> sections) {
}
