package org.clinicflow.content.markdown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeMarkdownTest {

    @Test
    void ordinaryMarkdownKeepsItsStructureAndLinksGetSafeRels() {
        var html = SafeMarkdown.toHtml("""
                Some **bold** and *italic* words.

                - one
                - two

                [NICE](https://www.nice.org.uk/guidance/ta279)
                """);
        assertThat(html).contains("<strong>bold</strong>", "<em>italic</em>", "<ul>", "<li>one</li>",
                "href=\"https://www.nice.org.uk/guidance/ta279\"", "rel=\"noopener noreferrer\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"#\" onclick=\"alert(1)\">x</a>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<style>body{display:none}</style>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "![x](https://evil.example/track.png)"
    })
    void nothingExecutableSurvives(String markdown) {
        var html = SafeMarkdown.toHtml(markdown).toLowerCase();
        assertThat(html).doesNotContain("<script", "onerror", "onclick", "onload", "javascript:", "data:",
                "<iframe", "<svg", "<style", "style=", "<img", "evil.example/x.js");
    }
}
