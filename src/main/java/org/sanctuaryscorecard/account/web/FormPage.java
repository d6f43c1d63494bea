package org.sanctuaryscorecard.account.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A controller whose forms, when refused, show their page again with the reason ({@link AccountErrors}). The page is
 * the one the form was on, built as its GET handler builds it.
 */
interface FormPage {

    /** The page again, for a form sent to {@code request} (its path variables are in the request's attributes). */
    ModelAndView redisplay(HttpServletRequest request);

    /** A path variable of the request being answered ("slug" of /organizations/{slug}/members). */
    static String pathVariable(HttpServletRequest request, String name) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get(name) instanceof String value ? value : null;
    }
}
