package org.clinicflow.web.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a person sees when a page cannot be shown as asked: which part of the system is unavailable, that they may not
 * open it, or that it does not exist. Always a page in the clinic's design with a way on, never a stack trace. Forms
 * handle their own refusals (409, 412, 422) next to the fields; what reaches here is what they did not expect.
 */
@ControllerAdvice
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(PartUnavailable.class)
    String unavailable(PartUnavailable e, Model model, HttpServletResponse response) {
        // The part and the cause's type only: a request's content may be a patient's.
        log.warn("{} unavailable: {}", e.part(), e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
        response.setStatus(503);
        model.addAttribute("part", e.part());
        return "error/unavailable";
    }

    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        if (e.status() == 403) {
            return "error/forbidden";
        }
        if (e.status() == 404) {
            return "error/not-found";
        }
        model.addAttribute("problem", e);
        return "error/refused";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/forbidden";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, NoResourceFoundException.class})
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/not-found";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String incomplete(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("problem", new ServiceProblem(400, "The page was asked for without "
                + e.getParameterName() + ".", java.util.Map.of()));
        return "error/refused";
    }
}
