package org.sanctuaryscorecard.secondcoding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.secondcoding.SecondCodingException;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refused second-coding steps as clear answers: 403 for who may not, 404 for what is not there, 409 for the state. */
@ControllerAdvice
@Order(0)
class SecondCodingErrors {

    private final ErrorReplies replies;

    SecondCodingErrors(ErrorReplies replies) {
        this.replies = replies;
    }

    @ExceptionHandler(SecondCodingException.class)
    Object refused(SecondCodingException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = switch (e.reason()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STATE, CONFLICT -> HttpStatus.CONFLICT;
        };
        return replies.reply(status, replies.message(e.messageKey(), e.arguments()), request, response);
    }
}
