package org.sanctuaryscorecard.correction.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.sanctuaryscorecard.correction.CorrectionLimits;
import org.sanctuaryscorecard.correction.Corrections;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * A correction form over the server's upload limits never reaches the controller: the server refuses it while the
 * security filter looks for the CSRF token in the body, and answers 413 through the error page. This shows the form
 * again there, empty (the body was not read), with the limits in words.
 */
@Component
class OversizedCorrections implements ErrorViewResolver, Ordered {

    /** The server's limit on a whole request (spring.servlet.multipart.max-request-size), for the message. */
    static final int SERVER_LIMIT_MB = 25;
    private static final Pattern FORM = Pattern.compile("/corrections/assessments/(\\d{1,18})");

    private final Corrections corrections;
    private final CorrectionPage page;
    private final CorrectionLimits limits;

    OversizedCorrections(Corrections corrections, CorrectionPage page, CorrectionLimits limits) {
        this.corrections = corrections;
        this.page = page;
        this.limits = limits;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status != HttpStatus.CONTENT_TOO_LARGE || !(uri instanceof String path)
                || !path.startsWith(request.getContextPath())) {
            return null;
        }
        Matcher form = FORM.matcher(path.substring(request.getContextPath().length()));
        if (!form.matches() || !corrections.open(Long.parseLong(form.group(1)))) {
            return null;
        }
        ExtendedModelMap values = new ExtendedModelMap();
        String view = page.form(values, Long.parseLong(form.group(1)), CorrectionForm.empty(null),
                page.message("correction.error.uploadTooLarge", SERVER_LIMIT_MB, limits.fileMaxMegabytes()), "file");
        return new ModelAndView(view, values.asMap(), status);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
