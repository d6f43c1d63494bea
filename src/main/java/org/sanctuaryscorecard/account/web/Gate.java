package org.sanctuaryscorecard.account.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an account page or form. Every handler method of this package carries one; {@link GateInterceptor}
 * checks it before the request's parameters are read, so that a person who may not call a form learns nothing from
 * how it answers their input.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Gate {

    Who value();

    enum Who {
        /** anyone, signed in or not (signing in, the setup link) */
        ANYONE,
        /** anyone signed in */
        SIGNED_IN,
        /** members of the organization in the address ({slug}), and site administrators; others get 404 */
        ORGANIZATION_MEMBERS,
        /** admins of the organization in the address ({slug}), and site administrators; other members get 403, others 404 */
        ORGANIZATION_ADMINS,
        /** site administrators; others get 403 */
        SITE_ADMINS
    }
}
