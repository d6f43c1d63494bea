package org.sanctuaryscorecard.report.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders a page template to a string, exactly as the browser would get it, so that a PDF is made from the same page. */
@Component
public class PageRenderer {

    private final SpringTemplateEngine engine;
    private final ApplicationContext context;

    PageRenderer(SpringTemplateEngine engine, ApplicationContext context) {
        this.engine = engine;
        this.context = context;
    }

    public String render(String template, Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(request.getServletContext());
        WebContext web = new WebContext(application.buildExchange(request, response), LocaleContextHolder.getLocale(), model);
        web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        return engine.process(template, web);
    }
}
