package org.sanctuaryscorecard.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a policy is law. Only what its source establishes: a text whose source gives its enactment but not whether it
 * is still in force is {@link #UNVERIFIED}, never {@link #IN_FORCE}. Which statuses count when layering is a rule of
 * the protection module ({@code protection/layering.yaml}), not of this list.
 */
public enum PolicyStatus {
    /** A person checked, and says, that it is in force. */
    IN_FORCE("in-force"),
    /** Enacted or adopted, but the source does not establish whether it is still in force. */
    UNVERIFIED("unverified"),
    /** Replaced by a later version of the same law (the later version is its own record). */
    SUPERSEDED("superseded"),
    /** Repealed. */
    REPEALED("repealed"),
    /** Blocked by a court. */
    ENJOINED("enjoined"),
    /** A bill or draft that was never enacted. */
    NOT_ENACTED("not-enacted");

    private final String id;

    PolicyStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<PolicyStatus> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
