package org.sanctuaryscorecard.assessment.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.AssessmentStateException;
import org.sanctuaryscorecard.assessment.EditConflictException;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Assessment failures as clear answers: 404 for an unknown id, 400 for bad input, 409 with the other version for a conflict. */
@ControllerAdvice
@Order(0)
class AssessmentErrors {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ErrorReplies replies;

    AssessmentErrors(ErrorReplies replies) {
        this.replies = replies;
    }

    @ExceptionHandler(AssessmentNotFoundException.class)
    Object notFound(AssessmentNotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        String message = e.revision() == null ? replies.message("assessment.error.notFound", String.valueOf(e.id()))
                : replies.message("assessment.error.revisionNotFound", String.valueOf(e.id()), String.valueOf(e.revision()));
        return replies.reply(HttpStatus.NOT_FOUND, message, request, response);
    }

    @ExceptionHandler(AssessmentInputException.class)
    Object invalid(AssessmentInputException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.BAD_REQUEST, replies.message(e.messageKey(), e.arguments()), request, response);
    }

    @ExceptionHandler(AssessmentStateException.class)
    Object state(AssessmentStateException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.CONFLICT, replies.message(e.messageKey(), e.arguments()), request, response);
    }

    @ExceptionHandler(EditConflictException.class)
    Object conflict(EditConflictException e, HttpServletRequest request, HttpServletResponse response) {
        String message = conflictMessage(replies, e);
        if (ErrorReplies.isApi(request)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
                    .body(new ConflictReply(409, "Conflict", message, request.getRequestURI(), e.item(), e.sentVersion(),
                            e.currentVersion(), e.editor(), e.changedAt(), e.currentFields()));
        }
        return replies.reply(HttpStatus.CONFLICT, message, request, response);
    }

    static String conflictMessage(ErrorReplies replies, EditConflictException e) {
        return replies.message("assessment.conflict", e.editor(), WHEN.format(e.changedAt()));
    }
}
