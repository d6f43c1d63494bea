package org.sanctuaryscorecard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a failed request in the form its client expects: an {@link ApiError} JSON body under {@code /api/}, the
 * error page everywhere else. Messages come from {@code messages.properties} in the reader's language. Feature
 * modules use it from their own exception handlers so that every error looks the same.
 */
@Component
public class ErrorReplies {

    private final MessageSource messages;

    public ErrorReplies(MessageSource messages) {
        this.messages = messages;
    }

    /** The message with this key in the request's language (arguments may themselves be message keys to resolve). */
    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, key, LocaleContextHolder.getLocale());
    }

    /** The message with this key, or {@code fallback} when there is no such key. */
    public String messageOr(String key, Object[] arguments, String fallback) {
        return messages.getMessage(key, arguments, fallback, LocaleContextHolder.getLocale());
    }

    /** True when the request is addressed to the JSON API. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The reply: JSON for the API, the error page otherwise. */
    public Object reply(HttpStatusCode status, String message, HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI();
        HttpStatus known = HttpStatus.resolve(status.value());
        String name = known == null ? "Error" : known.getReasonPhrase();
        if (isApi(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(status.value(), name, message, path));
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", name);
        page.addObject("message", message);
        return page;
    }
}
