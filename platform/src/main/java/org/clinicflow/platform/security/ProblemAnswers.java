package org.clinicflow.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import org.clinicflow.platform.web.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.nio.charset.StandardCharsets;

/**
 * The refusals the security filters make before a controller is reached (no usable token, a path nobody may call)
 * answered as problem details, like every other refusal. Spring Security's own handlers still set the status and the
 * RFC 6750 {@code WWW-Authenticate} challenge; these add the body, which would otherwise be empty.
 */
final class ProblemAnswers {

    private ProblemAnswers() {
    }

    static AuthenticationEntryPoint noUsableToken() {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, refused) -> {
            bearer.commence(request, response, refused);
            write(response, ProblemType.SIGN_IN_NEEDED, "Unauthorized",
                    "Sign in first: this needs a valid access token from the clinic's identity service.");
        };
    }

    static AccessDeniedHandler notAllowed() {
        var bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            bearer.handle(request, response, denied);
            write(response, ProblemType.FORBIDDEN, "Forbidden", "You may not do this.");
        };
    }

    private static void write(HttpServletResponse response, ProblemType type, String title, String detail)
            throws java.io.IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Fixed texts only, so no escaping is needed.
        response.getWriter().write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + title + "\",\"status\":"
                + response.getStatus() + ",\"detail\":\"" + detail + "\"}");
    }
}
