package org.sanctuaryscorecard.jurisdiction.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.jurisdiction.UnknownJurisdictionException;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A GEOID that is not one is a 400; one that names nothing is a 404; for every page and API route that takes one. */
@ControllerAdvice
@Order(0)
class JurisdictionErrors {

    private final ErrorReplies replies;

    JurisdictionErrors(ErrorReplies replies) {
        this.replies = replies;
    }

    @ExceptionHandler(UnknownJurisdictionException.class)
    Object unknown(UnknownJurisdictionException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(e.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND,
                replies.message(e.messageKey(), e.arguments()), request, response);
    }
}
