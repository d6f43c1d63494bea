package org.sanctuaryscorecard.reference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.stream.Stream;

/** The kinds of public list the application knows, with the columns a file of each kind must have. */
public enum ReferenceKind {
    ICE_287G("287g", List.of("state", "law_enforcement_agency", "type", "county", "support_type", "signed")),
    ICE_287G_PENDING("287g-pending", List.of("state", "law_enforcement_agency", "type", "county", "support_type")),
    DHS_LIST("dhs-list", List.of("state_abbr", "list_section", "jurisdiction_as_listed")),
    DOJ_LIST("doj-list", List.of("list_section", "jurisdiction_as_listed", "state_usps")),
    DETENTION("detention", List.of("name", "city", "county", "state", "type_detailed"));

    private final String id;
    private final List<String> columns;

    ReferenceKind(String id, List<String> columns) {
        this.id = id;
        this.columns = columns;
    }

    /** The name used on the command line, in addresses and in storage ("287g", "dhs-list"). */
    @JsonValue
    public String id() {
        return id;
    }

    /** The columns a file of this kind must have (others are kept, not required). */
    public List<String> columns() {
        return columns;
    }

    public static Optional<ReferenceKind> of(String id) {
        return Stream.of(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
