package org.sanctuaryscorecard.nationalmap;

/** The texture drawn over a category's colour on the map and in its legend. */
public enum MapPattern {
    /** The colour alone. */
    SOLID("solid"),
    /** Diagonal lines: kept for "not assessed", which must never look like a result. */
    HATCH("hatch"),
    /** Dots. */
    DOTS("dots"),
    /** Crossed diagonal lines. */
    CROSSHATCH("crosshatch");

    private final String id;

    MapPattern(String id) {
        this.id = id;
    }

    /** The name used in the JSON and the page. */
    public String id() {
        return id;
    }
}
