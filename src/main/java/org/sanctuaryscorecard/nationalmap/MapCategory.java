package org.sanctuaryscorecard.nationalmap;

/**
 * One category of a layer's legend.
 *
 * @param id       stable, used in the JSON and in CSS classes ("met", "not-assessed")
 * @param labelKey the key of its words in messages.properties
 * @param colour   a fill colour as #rrggbb, from a colour-blind-safe palette (docs/map.md)
 * @param pattern  the texture drawn over the colour, so that the category does not rest on colour alone
 */
public record MapCategory(String id, String labelKey, String colour, MapPattern pattern) {

    public MapCategory {
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("bad colour for " + id + ": " + colour);
        }
    }
}
