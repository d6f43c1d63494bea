package org.sanctuaryscorecard.nationalmap;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * One way to colour the map.
 *
 * @param id          stable, used in URLs: lower-case letters, digits, '-' and '.'
 * @param label       its name in the layer menu, the legend and the table (a message)
 * @param legend      the categories, in legend order; an entry's category is an index into this list
 * @param missing     the index of the category of jurisdictions the source says nothing about: "not assessed", which
 *                    must look different from any category that means "not protected" (unknown is not cooperating)
 */
public record MapLayer(String id, MessageSourceResolvable label, List<MapCategory> legend, int missing) {

    public MapLayer {
        legend = List.copyOf(legend);
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]{0,99}")) {
            throw new IllegalArgumentException("bad layer id: " + id);
        }
        if (missing < 0 || missing >= legend.size()) {
            throw new IllegalArgumentException("layer " + id + ": missing category " + missing + " is not in its legend");
        }
    }
}
