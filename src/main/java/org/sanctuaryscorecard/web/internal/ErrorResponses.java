package org.sanctuaryscorecard.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns every failure into a clear answer: JSON ({@link ApiError}) under {@code /api/}, an error
 * page everywhere else. Unexpected failures are logged with their stack trace and shown only as a short apology.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorResponses {

    /** The upload limit, as configured in application.properties (spring.servlet.multipart.max-request-size). */
    static final int UPLOAD_LIMIT_MB = 25;

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final MessageSource messages;
    private final ErrorReplies replies;

    ErrorResponses(MessageSource messages, ErrorReplies replies) {
        this.messages = messages;
        this.replies = replies;
    }

    /** Failures with a message key ({@link org.sanctuaryscorecard.web.ExplainedException}) or a plain reason. */
    @ExceptionHandler(ResponseStatusException.class)
    Object statusException(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response) {
        String fallback = e.getReason() == null ? text("error." + e.getStatusCode().value(), "error.default") : e.getReason();
        String message = messages.getMessage(e.getDetailMessageCode(), e.getDetailMessageArguments(), fallback, locale());
        return respond(e.getStatusCode(), message, request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        boolean number = e.getRequiredType() != null && Number.class.isAssignableFrom(boxed(e.getRequiredType()));
        return respond(HttpStatus.BAD_REQUEST, text(number ? "error.parameter.number" : "error.parameter.invalid",
                null, e.getName(), shorten(String.valueOf(e.getValue()))), request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.BAD_REQUEST, text("error.parameter.missing", null, e.getParameterName()), request, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.NOT_FOUND, text("error.404", null), request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, text("error.method", null, e.getMethod()), request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("error.415", null,
                e.getContentType() == null ? "none" : e.getContentType().toString()), request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.TEXT_PLAIN)
                .body(text("error.406", null));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            // Spring Security answers these: the sign-in page (or an HTTP Basic challenge) for someone not signed in
            throw e;
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, text("error.500", null), request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, text("assessment.error.uploadTooLarge", null, UPLOAD_LIMIT_MB), request, response);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        String detail = e.getMostSpecificCause() == null ? "" : e.getMostSpecificCause().getMessage();
        detail = detail == null ? "" : detail.lines().findFirst().orElse("");
        return respond(HttpStatus.BAD_REQUEST, text("assessment.error.unreadable", null, shorten(detail)), request, response);
    }

    private Object respond(HttpStatusCode status, String message, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(status, message, request, response);
    }

    /** The message with this key in the request's language; {@code fallbackKey} when the first key is missing. */
    private String text(String key, String fallbackKey, Object... arguments) {
        String fallback = fallbackKey == null ? null : messages.getMessage(fallbackKey, null, locale());
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, fallback, locale());
    }

    private static java.util.Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == double.class ? Double.class : type;
    }

    private static String shorten(String value) {
        return value.length() > 120 ? value.substring(0, 120) + "…" : value;
    }
}
