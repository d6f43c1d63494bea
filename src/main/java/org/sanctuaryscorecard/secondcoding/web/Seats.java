package org.sanctuaryscorecard.secondcoding.web;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.sanctuaryscorecard.secondcoding.SecondCodingException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which view of an assessment's second coding the current person gets. The named coder of an open request always
 * gets the blind one, even if they are also a reviewer; otherwise reviewers get the comparison, and a coder who has
 * handed in sees their own answers. Anyone else is refused (the assessment gate has already let only members through).
 */
@Component
class Seats {

    /** The views. */
    enum Seat {
        /** coding blind: the questions and the coder's own answers, nothing of the first coding */
        BLIND_CODER,
        /** a reviewer: the requests, the comparison, the decisions */
        REVIEWER,
        /** a coder who handed in: their own answers, read only */
        PAST_CODER
    }

    private final SecondCoding secondCoding;
    private final AccessPolicy policy;

    Seats(SecondCoding secondCoding, AccessPolicy policy) {
        this.secondCoding = secondCoding;
        this.policy = policy;
    }

    Seat of(long assessmentId, long organizationId) {
        if (!policy.signedIn()) {
            // a published assessment lets anyone through the gate; its second coding is for members only
            throw new AccessDeniedException("sign in to see the second coding of this assessment");
        }
        if (secondCoding.codesBlind(assessmentId)) {
            return Seat.BLIND_CODER;
        }
        if (policy.canReview(organizationId)) {
            return Seat.REVIEWER;
        }
        secondCoding.sheet(assessmentId); // refuses anyone who never coded it
        return Seat.PAST_CODER;
    }

    /** Refuses anyone but the organization's reviewers, with this message. */
    void requireReviewer(long organizationId, String messageKey) {
        if (!policy.canReview(organizationId)) {
            throw new SecondCodingException(SecondCodingException.Reason.FORBIDDEN, messageKey);
        }
    }
}
