package org.sanctuaryscorecard.jurisdiction;

/**
 * A GEOID that names no jurisdiction, or is not a GEOID at all. Carries the key of its message in
 * {@code messages.properties} and the message's arguments.
 */
public final class UnknownJurisdictionException extends RuntimeException {

    private final boolean malformed;
    private final String messageKey;
    private final String geoid;

    UnknownJurisdictionException(String geoid, boolean malformed) {
        super((malformed ? "not a GEOID: " : "no jurisdiction with GEOID ") + geoid);
        this.malformed = malformed;
        this.messageKey = malformed ? "error.geoid.malformed" : "error.geoid.unknown";
        this.geoid = geoid == null ? "" : geoid.length() > 20 ? geoid.substring(0, 20) + "…" : geoid;
    }

    /** True when the text is not shaped like a GEOID (2, 5 or 7 digits); false when it is but names nothing. */
    public boolean malformed() {
        return malformed;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return new Object[] {geoid};
    }
}
