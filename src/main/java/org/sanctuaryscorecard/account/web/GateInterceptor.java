package org.sanctuaryscorecard.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks each account page's {@link Gate} before its handler reads the request. A handler of this package without one
 * is refused, so that a page added without saying who may call it fails closed (and AccessMatrixTest says so).
 */
@Configuration(proxyBeanMethods = false)
class GateInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Gatekeeper gate;

    GateInterceptor(Gatekeeper gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().equals(getClass().getPackageName())) {
            return true;
        }
        Gate rule = method.getMethodAnnotation(Gate.class);
        if (rule == null) {
            throw new IllegalStateException(method + " says nothing about who may call it: give it a @Gate");
        }
        switch (rule.value()) {
            case ANYONE -> { }
            case SIGNED_IN -> gate.me();
            case ORGANIZATION_MEMBERS -> gate.visible(slug(request));
            case ORGANIZATION_ADMINS -> gate.administered(slug(request));
            case SITE_ADMINS -> gate.requireSiteAdmin();
        }
        return true;
    }

    private static String slug(HttpServletRequest request) {
        String slug = FormPage.pathVariable(request, "slug");
        if (slug == null) {
            throw new IllegalStateException(request.getRequestURI() + " has no {slug} for its organization gate");
        }
        return slug;
    }
}
