package org.sanctuaryscorecard.federal;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the sources establish about whether a federal document still applies: never "in force", because no source
 * block says that a text is in force today.
 */
public enum FederalStatus {
    /** Enacted, signed or issued, but the sources do not establish whether it still applies. */
    UNVERIFIED("unverified"),
    /** Revoked, as a text of the corpus says (an executive order revoked by a later one). */
    REVOKED("revoked"),
    /** Rescinded, as its source block says (a form). */
    RESCINDED("rescinded");

    private final String id;

    FederalStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<FederalStatus> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
