package org.sanctuaryscorecard.account.web;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the person looking at it ({@code viewer}), for the site header's links. Pages made by an exception
 * handler do not get it; the header then shows no account links.
 */
@ControllerAdvice
class ViewerAdvice {

    static final String ATTRIBUTE = "viewer";

    private final AccessPolicy policy;

    ViewerAdvice(AccessPolicy policy) {
        this.policy = policy;
    }

    @ModelAttribute(ATTRIBUTE)
    Viewer viewer() {
        return Viewer.of(policy);
    }
}
