package org.sanctuaryscorecard.account.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccountInputException;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refused account input as a clear answer: the form's page again with the reason, the field at fault marked and what
 * was typed kept (never passwords), answered 422; JSON under {@code /api/}.
 */
@ControllerAdvice
@Order(0)
class AccountErrors {

    /** Fields never sent back into a page. */
    private static final Set<String> SECRET = Set.of("password", "repeat", "currentPassword", "_csrf");

    private final ErrorReplies replies;

    AccountErrors(ErrorReplies replies) {
        this.replies = replies;
    }

    @ExceptionHandler(AccountInputException.class)
    Object refused(AccountInputException e, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response) {
        String message = message(replies, e);
        if (ErrorReplies.isApi(request) || !(handler.getBean() instanceof FormPage page)) {
            return replies.reply(HttpStatus.UNPROCESSABLE_CONTENT, message, request, response);
        }
        ModelAndView view = page.redisplay(request);
        view.addObject("problem", message);
        view.addObject("problemField", e.field());
        view.addObject("problemForm", request.getParameter("form"));
        view.addObject("entered", entered(request));
        view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }

    /**
     * The refusal in the reader's language. An argument that names the field at fault ("displayName") is shown as that
     * field's label ({@code account.field.displayName}).
     */
    static String message(ErrorReplies replies, AccountInputException e) {
        Object[] arguments = e.arguments();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String text && text.equals(e.field())) {
                arguments[i] = new DefaultMessageSourceResolvable(new String[] {"account.field." + text}, text);
            }
        }
        return replies.message(e.messageKey(), arguments);
    }

    private static Map<String, String> entered(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> {
            if (!SECRET.contains(name) && value.length > 0) {
                values.put(name, value[0]);
            }
        });
        return values;
    }
}
