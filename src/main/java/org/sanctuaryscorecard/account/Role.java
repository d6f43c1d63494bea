package org.sanctuaryscorecard.account;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** What a member may do in an organization; each role includes the ones before it. */
public enum Role {
    /** reads the organization's drafts and reviews */
    VIEWER,
    /** also starts assessments, edits drafts and submits them for review */
    EDITOR,
    /** also publishes (when not the last editor), sends back to draft, asks for a second coding, reads corrections */
    REVIEWER,
    /** also manages members and reads the audit trail */
    ADMIN;

    /** "viewer", "editor", "reviewer", "admin". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code other} may. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> of(String id) {
        return Stream.of(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
