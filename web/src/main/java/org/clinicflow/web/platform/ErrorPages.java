package org.clinicflow.web.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller caught (a filter's refusal, an unexpected exception) end here and are shown as the
 * clinic's own pages, not the container's.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response) {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        response.setStatus(status);
        return switch (status) {
            case 401, 403 -> "error/forbidden";
            case 404 -> "error/not-found";
            default -> "error/problem";
        };
    }

    @RequestMapping("/error/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/forbidden";
    }
}
