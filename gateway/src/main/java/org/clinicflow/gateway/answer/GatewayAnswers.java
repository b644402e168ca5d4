package org.clinicflow.gateway.answer;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * Writes the gateway's own answers, in the form the caller can read (see the package). The answer is written whatever
 * the request's {@code Accept} says: content negotiation here once turned a refusal into a Whitelabel 406.
 */
public final class GatewayAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The services' kinds of problem (platform's ProblemType, listed in docs/problems.md), of which these are some. */
    private static final String TYPES = "https://clinicflow.example/problems/";

    private GatewayAnswers() {
    }

    /**
     * @param heading a person's heading for the page ("Too many requests from your connection")
     * @param detail  one or two sentences, the same in the page and in the problem's {@code detail}
     */
    public static Mono<Void> answer(ServerWebExchange exchange, HttpStatus status, String heading, String detail) {
        return wantsPage(exchange)
                ? write(exchange, status, new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
                page(heading, detail))
                : problem(exchange, status, detail);
    }

    /** Problem details whoever asks: for the APIs' own routes, whose clients are programs. */
    public static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, MediaType.APPLICATION_PROBLEM_JSON,
                problem(status, detail, exchange.getRequest().getPath().value()));
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, MediaType type, String body) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** A browser asking for a screen, rather than a client of the APIs (whose paths always get problem details). */
    public static boolean wantsPage(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return !request.getPath().value().startsWith("/api/") && request.getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    static String problem(HttpStatus status, String detail, String instance) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", TYPES + kind(status));
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        return JSON.writeValueAsString(problem);
    }

    private static String kind(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "sign-in-needed";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONTENT_TOO_LARGE -> "too-large";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case SERVICE_UNAVAILABLE -> "unavailable";
            case BAD_REQUEST -> "invalid-request";
            default -> "other";
        };
    }

    /**
     * The design system's styles are served by the web module; when it is down the page still reads, unstyled. The
     * advice on urgent care is on every page, because a person stopped here may be in pain.
     */
    static String page(String heading, String detail) {
        return """
                <!DOCTYPE html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8">\
                <meta name="viewport" content="width=device-width, initial-scale=1">\
                <title>%1$s – Spine clinic</title>\
                <link rel="stylesheet" href="/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css"></head>\
                <body class="govuk-template__body"><div class="govuk-width-container">\
                <main class="govuk-main-wrapper" id="main-content">\
                <h1 class="govuk-heading-l">%1$s</h1>\
                <p class="govuk-body">%2$s</p>\
                <p class="govuk-body"><a class="govuk-link" href="/">Go to the clinic's home page</a></p>\
                <p class="govuk-body">If you need help with back pain today, call NHS 111. In an emergency, \
                call 999.</p></main></div></body></html>""".formatted(HtmlUtils.htmlEscape(heading),
                HtmlUtils.htmlEscape(detail));
    }
}
