package org.sanctuaryscorecard.correction.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.correction.CorrectionConflictException;
import org.sanctuaryscorecard.correction.CorrectionInputException;
import org.sanctuaryscorecard.correction.CorrectionLimitException;
import org.sanctuaryscorecard.correction.CorrectionNotFoundException;
import org.sanctuaryscorecard.correction.NoPublishedScorecardException;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Correction failures as clear answers, JSON under /api/ and the error page elsewhere: 404 for a scorecard that is
 * not published and for a request the person may not see (alike, whether or not it exists), 400 for bad input, 429
 * with Retry-After over a rate limit, 409 when another reviewer changed the request meanwhile.
 */
@ControllerAdvice(assignableTypes = {CorrectionFormController.class, CorrectionApiController.class,
        CorrectionReviewController.class})
@Order(0)
class CorrectionErrors {

    private final ErrorReplies replies;
    private final CorrectionPage page;

    CorrectionErrors(ErrorReplies replies, CorrectionPage page) {
        this.replies = replies;
        this.page = page;
    }

    @ExceptionHandler(NoPublishedScorecardException.class)
    Object notPublished(NoPublishedScorecardException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.NOT_FOUND, replies.message("correction.error.notPublished", String.valueOf(e.assessmentId())),
                request, response);
    }

    @ExceptionHandler(CorrectionNotFoundException.class)
    Object notFound(CorrectionNotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.NOT_FOUND, replies.message("error.404"), request, response);
    }

    @ExceptionHandler(CorrectionInputException.class)
    Object invalid(CorrectionInputException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.BAD_REQUEST, page.message(e), request, response);
    }

    @ExceptionHandler(CorrectionLimitException.class)
    Object overLimit(CorrectionLimitException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return replies.reply(HttpStatus.TOO_MANY_REQUESTS, page.message(e), request, response);
    }

    @ExceptionHandler(CorrectionConflictException.class)
    Object conflict(CorrectionConflictException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.CONFLICT, page.message("correction.error.conflict", e.handledBy(),
                Scorecards.when(e.handledAt())), request, response);
    }
}
