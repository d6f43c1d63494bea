package org.sanctuaryscorecard.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns every failure into a clear answer: JSON ({@link ApiError}) under {@code /api/}, an error
 * page everywhere else. Unexpected failures are logged with their stack trace and shown only as a short apology.
 */
@ControllerAdvice
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(ResponseStatusException.class)
    Object statusException(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(e.getStatusCode(), e.getReason() == null ? defaultMessage(e.getStatusCode()) : e.getReason(),
                request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        String expected = e.getRequiredType() != null && Number.class.isAssignableFrom(boxed(e.getRequiredType()))
                ? "a whole number" : "a valid value";
        return respond(HttpStatus.BAD_REQUEST, "The parameter '" + e.getName() + "' must be " + expected
                + "; it was '" + shorten(String.valueOf(e.getValue())) + "'.", request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.BAD_REQUEST, "The parameter '" + e.getParameterName() + "' is required.", request, response);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameter(HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response) {
        String message = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> "The parameter '" + result.getMethodParameter().getParameterName() + "' "
                                + error.getDefaultMessage() + "."))
                .findFirst().orElse("A parameter is not valid.");
        return respond(HttpStatus.BAD_REQUEST, message, request, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.NOT_FOUND, defaultMessage(HttpStatus.NOT_FOUND), request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept " + e.getMethod() + " requests.",
                request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.TEXT_PLAIN)
                .body("This address cannot answer in the format asked for (Accept header).");
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, defaultMessage(HttpStatus.INTERNAL_SERVER_ERROR), request, response);
    }

    private Object respond(HttpStatusCode status, String message, HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI();
        HttpStatus known = HttpStatus.resolve(status.value());
        String name = known == null ? "Error" : known.getReasonPhrase();
        if (path.startsWith(request.getContextPath() + "/api/")) {
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

    static String defaultMessage(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "There is nothing at this address. Check the link, or search for a place from the home page.";
            case 500 -> "Something went wrong on our side and has been logged. Nothing you entered was lost; please try again.";
            default -> "The request could not be handled.";
        };
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == double.class ? Double.class : type;
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
