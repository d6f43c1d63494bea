package org.sanctuaryscorecard.analysis.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form sent to {@code POST /analyze} that is over the server's limits (a file over the upload limit, a paste over
 * the form limit) never reaches the controller: the server refuses it while the security filter looks for the CSRF
 * token in the body, and answers 413 through the error page. This puts the analyzer's form back on that page, with
 * the limits in words, instead of a bare error. Only the query string is read: the body was not.
 */
@Component
class OversizedRequests implements ErrorViewResolver, Ordered {

    private static final Pattern ASSESSMENT = Pattern.compile("(?:^|&)assessment=(\\d{1,18})(?:&|$)");

    private final AnalyzeForm form;
    private final ErrorReplies replies;

    OversizedRequests(AnalyzeForm form, ErrorReplies replies) {
        this.form = form;
        this.replies = replies;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status != HttpStatus.CONTENT_TOO_LARGE || !(request.getContextPath() + "/analyze").equals(uri)) {
            return null;
        }
        Long assessment = null;
        Matcher given = ASSESSMENT.matcher(request.getQueryString() == null ? "" : request.getQueryString());
        if (given.find()) {
            assessment = Long.valueOf(given.group(1));
        }
        ExtendedModelMap page = new ExtendedModelMap();
        String view = form.problem(page, assessment, null, status, replies.message("analysis.form.tooLarge",
                TextExtractor.MAX_BYTES / (1024 * 1024), TextExtractor.MAX_CHARS), null, null);
        return new ModelAndView(view, page.asMap(), status);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
