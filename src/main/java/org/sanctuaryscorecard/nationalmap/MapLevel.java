package org.sanctuaryscorecard.nationalmap;

import java.util.Optional;
import java.util.stream.Stream;

/** What the map is made of: states (and DC, Puerto Rico, the territories) or counties and county-equivalents. */
public enum MapLevel {
    STATE("state"),
    COUNTY("county");

    private final String id;

    MapLevel(String id) {
        this.id = id;
    }

    /** The name used in URLs. */
    public String id() {
        return id;
    }

    /** The level with this name, if any. */
    public static Optional<MapLevel> of(String id) {
        return Stream.of(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
