package org.sanctuaryscorecard.policy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sanctuaryscorecard.policy.PolicyInputException;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Policy input that cannot be stored: 400 with its message (404 for no such policy, 409 when changed meanwhile). */
@ControllerAdvice(assignableTypes = {PolicyApiController.class, PolicyPageController.class})
class PolicyErrors {

    private final ErrorReplies replies;

    PolicyErrors(ErrorReplies replies) {
        this.replies = replies;
    }

    @ExceptionHandler(PolicyInputException.class)
    Object input(PolicyInputException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = switch (e.messageKey()) {
            case "policy.error.notFound" -> HttpStatus.NOT_FOUND;
            case "policy.error.stale" -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return replies.reply(status, replies.message(e.messageKey(), e.arguments()), request, response);
    }
}
