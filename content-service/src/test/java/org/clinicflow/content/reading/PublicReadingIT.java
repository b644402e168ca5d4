package org.clinicflow.content.reading;

import org.clinicflow.content.ContentServiceIT;
import org.clinicflow.content.TreatmentDrafts;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicReadingIT extends ContentServiceIT {

    @Test
    void anyoneMayReadPublishedTreatmentsWithoutLoggingInAndDemoTextSaysSo() {
        var list = get("/api/content/treatments", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("balloon-kyphoplasty", "vertebroplasty", "lumbar-microdiscectomy",
                "[Demo text]");

        var one = get("/api/content/treatments/balloon-kyphoplasty", null);
        assertThat(one.status()).isEqualTo(200);
        var treatment = body(one);
        assertThat(treatment.get("title").asString()).isEqualTo("Balloon kyphoplasty");
        assertThat(treatment.get("demo").asBoolean()).isTrue();
        assertThat(treatment.get("contentHash").asString()).matches("[0-9a-f]{64}");
        assertThat(treatment.at("/keyFacts/sameDayDischarge").asBoolean()).isTrue();
        assertThat(treatment.get("sections").valueStream().map(s -> s.get("key").asString()).toList())
                .containsExactly("purpose", "procedure", "outcomes", "risks", "recovery", "furtherReading",
                        "references");
        assertThat(one.body()).contains("TA279");
    }

    @Test
    void aPublishedTreatmentReadsAsHtmlAndBySection() {
        var page = get("/api/content/treatments/balloon-kyphoplasty", null, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Balloon kyphoplasty</h1>", "class=\"demo-notice\"",
                "<section id=\"recovery\">", "<h2>Risks</h2>");

        var risks = get("/api/content/treatments/balloon-kyphoplasty/sections/risks", null);
        assertThat(risks.status()).isEqualTo(200);
        assertThat(body(risks).at("/section/heading").asString()).isEqualTo("Risks");
        assertThat(body(risks).at("/section/html").asString()).contains("<strong>not</strong>");
        assertThat(body(risks).get("demo").asBoolean()).isTrue();

        var risksHtml = get("/api/content/treatments/balloon-kyphoplasty/sections/risks", null,
                "Accept", "text/html");
        assertThat(risksHtml.contentType()).startsWith("text/html");
        assertThat(risksHtml.body()).startsWith("<p class=\"demo-notice\">").contains("<section id=\"risks\">")
                .doesNotContain("<section id=\"recovery\">");

        assertThat(get("/api/content/treatments/balloon-kyphoplasty/sections/horoscope", null).status())
                .isEqualTo(404);
    }

    @Test
    void aMatchingEtagGives304WithoutABodyAndCachingHeaders() {
        var first = get("/api/content/treatments/vertebroplasty", null);
        var etag = first.header("ETag");
        assertThat(etag).isEqualTo("\"" + body(first).get("contentHash").asString() + "\"");
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=60, public");
        assertThat(first.header("Vary")).contains("Accept");

        var again = get("/api/content/treatments/vertebroplasty", null, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.header("Cache-Control")).isEqualTo("max-age=60, public");

        // The HTML form is another representation, so it has its own tag; a stale tag gets the full answer.
        var html = get("/api/content/treatments/vertebroplasty", null, "Accept", "text/html");
        assertThat(html.header("ETag")).isNotEqualTo(etag);
        assertThat(get("/api/content/treatments/vertebroplasty", null, "Accept", "text/html",
                "If-None-Match", html.header("ETag")).status()).isEqualTo(304);
        assertThat(get("/api/content/treatments/vertebroplasty", null, "If-None-Match", "\"" + "0".repeat(64) + "\"")
                .status()).isEqualTo(200);
        assertThat(get("/api/content/treatments/vertebroplasty/sections/risks", null, "If-None-Match", etag)
                .status()).isEqualTo(304);

        var list = get("/api/content/treatments", null);
        assertThat(get("/api/content/treatments", null, "If-None-Match", list.header("ETag")).status())
                .isEqualTo(304);
    }

    @Test
    void publishingANewVersionChangesTheEtagSoCachedCopiesAreReplaced() {
        var slug = newSlug();
        var v1 = publishNewTreatment(slug, TreatmentDrafts.complete());
        var etag = get("/api/content/treatments/" + slug, null).header("ETag");
        assertThat(etag).contains(v1.get("contentHash").asString());

        var draft = call("POST", "/api/content/treatments/" + slug + "/versions", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.with("outcomes", "Better than before."));
        var submitted = step(slug, 2, "submission", DemoUsers.CONTENT_EDITOR, draft.header("ETag"), null);
        var approved = step(slug, 2, "approval", DemoUsers.SURGEON, submitted.header("ETag"), null);
        step(slug, 2, "publication", DemoUsers.CONTENT_EDITOR, approved.header("ETag"), null);

        var revalidated = get("/api/content/treatments/" + slug, null, "If-None-Match", etag);
        assertThat(revalidated.status()).isEqualTo(200);
        assertThat(revalidated.body()).contains("Better than before.");
    }

    @Test
    void unsafeMarkdownIsNeutralisedBeforeAnyoneReadsIt() {
        var slug = newSlug();
        publishNewTreatment(slug, TreatmentDrafts.with("risks", """
                Fine **bold** text and [a safe link](https://www.nice.org.uk/guidance/ta279).

                <script>alert('stolen')</script>

                <img src="x" onerror="alert(1)">

                <a href="#" onclick="alert(2)">click</a>

                [bad link](javascript:alert(3)) and [data](data:text/html;base64,PHNjcmlwdD4=)

                <iframe src="https://evil.example"></iframe>
                """));

        for (var response : java.util.List.of(
                get("/api/content/treatments/" + slug, null, "Accept", "text/html"),
                get("/api/content/treatments/" + slug + "/sections/risks", null, "Accept", "text/html"))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().toLowerCase())
                    .doesNotContain("<script", "onerror", "onclick", "javascript:", "data:text", "<iframe", "<img")
                    .contains("<strong>bold</strong>", "href=\"https://www.nice.org.uk/guidance/ta279\"");
        }
        var html = body(get("/api/content/treatments/" + slug + "/sections/risks", null)).at("/section/html")
                .asString().toLowerCase();
        assertThat(html).doesNotContain("<script", "onerror", "onclick", "javascript:");
    }

    @Test
    void searchFindsPublishedTreatmentsByTheirWordsAndNeverDrafts() {
        var hits = get("/api/content/search?q=cement", null);
        assertThat(hits.status()).isEqualTo(200);
        assertThat(hits.body()).contains("balloon-kyphoplasty", "vertebroplasty").doesNotContain("microdiscectomy");

        var slug = newSlug();
        call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR, TreatmentDrafts.withSlug(slug,
                TreatmentDrafts.with("purpose", "Zyxwvutant is a made-up word only this draft contains.")));
        assertThat(get("/api/content/search?q=zyxwvutant", null).body()).isEqualTo("[]");

        var blank = get("/api/content/search?q=%20", null);
        assertThat(blank.status()).isEqualTo(422);
        assertThat(body(blank).at("/errors/0/field").asString()).isEqualTo("q");
        assertThat(get("/api/content/search", null).status()).isEqualTo(422);
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        var docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/content/treatments/{slug}/versions/{number}/approval",
                "/api/content/treatments/{slug}/sections/{key}", "/api/content/search", "/api/content/review-due");
    }

    @Test
    void anUnknownTreatmentIsAProblemNotAnError() {
        var missing = get("/api/content/treatments/spinal-magic", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void draftsAndHistoryAreForContentStaffOnly() {
        assertThat(get("/api/content/drafts", null).status()).isEqualTo(401);
        assertThat(get("/api/content/drafts", DemoUsers.PATIENT).status()).isEqualTo(403);
        assertThat(get("/api/content/drafts", DemoUsers.RECEPTIONIST).status()).isEqualTo(403);
        for (var user : java.util.List.of(DemoUsers.CONTENT_EDITOR, DemoUsers.SURGEON, DemoUsers.CLINIC_ADMIN)) {
            assertThat(get("/api/content/drafts", user).status()).as(user).isEqualTo(200);
            assertThat(get("/api/content/treatments/balloon-kyphoplasty/versions", user).status()).as(user)
                    .isEqualTo(200);
        }
        assertThat(get("/api/content/treatments/balloon-kyphoplasty/versions", null).status()).isEqualTo(401);
        assertThat(get("/api/content/treatments/balloon-kyphoplasty/versions/1", DemoUsers.PATIENT).status())
                .isEqualTo(403);
    }
}
