package org.sanctuaryscorecard.web;

/**
 * Who reads. A request on which a signed-in person was recognized carries {@link #SIGNED_IN} (set by the account
 * module), so that an answer made for them is never kept as the answer for everyone.
 */
public final class Readers {

    /** The request attribute set, to {@code Boolean.TRUE}, when a signed-in person makes the request. */
    public static final String SIGNED_IN = Readers.class.getName() + ".SIGNED_IN";

    private Readers() {
    }
}
