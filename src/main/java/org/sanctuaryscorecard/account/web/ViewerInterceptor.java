package org.sanctuaryscorecard.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page the person looking at it ({@code viewer}, a request attribute that templates read like a model
 * attribute), for the site header's links. It is set before any other check runs, so that error pages (a draft that
 * is "not found" for this person, a refusal) also show who is signed in and the way to sign out.
 */
@Component
class ViewerInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String ATTRIBUTE = "viewer";

    private final AccessPolicy policy;

    ViewerInterceptor(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(ATTRIBUTE, Viewer.of(policy));
        return true;
    }
}
