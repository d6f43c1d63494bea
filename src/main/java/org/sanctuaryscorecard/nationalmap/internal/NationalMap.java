package org.sanctuaryscorecard.nationalmap.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.nationalmap.MapEntry;
import org.sanctuaryscorecard.nationalmap.MapLayer;
import org.sanctuaryscorecard.nationalmap.MapLayers;
import org.sanctuaryscorecard.nationalmap.MapLevel;
import org.springframework.stereotype.Service;

/**
 * Every layer of every {@link MapLayers} source, and a layer's values for every state or every county of the catalog
 * (3,233 counties and county-equivalents), with the jurisdictions a source says nothing about in the layer's
 * "missing" category.
 */
@Service
public class NationalMap {

    private final List<MapLayers> sources;
    private final Clock clock;
    private final Map<MapLevel, List<String>> ids = new HashMap<>();

    public NationalMap(List<MapLayers> sources, JurisdictionCatalog catalog, Clock clock) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
        ids.put(MapLevel.STATE, sortedIds(catalog, JurisdictionKind.STATE));
        ids.put(MapLevel.COUNTY, sortedIds(catalog, JurisdictionKind.COUNTY));
    }

    private static List<String> sortedIds(JurisdictionCatalog catalog, JurisdictionKind kind) {
        return catalog.all().stream().filter(j -> j.kind() == kind).map(Jurisdiction::geoid).sorted().toList();
    }

    /** Today, where the application runs: the default "as of" date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every layer, source by source, each source's in its own order. */
    public List<MapLayer> layers() {
        List<MapLayer> all = new ArrayList<>();
        sources.forEach(source -> all.addAll(source.layers()));
        return all;
    }

    /** The layer with this id, if any. */
    public Optional<MapLayer> layer(String id) {
        return layers().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The GEOIDs of a level, in order. */
    public List<String> ids(MapLevel level) {
        return ids.get(level);
    }

    /** A layer's category for every jurisdiction of a level as of a date. */
    public MapView view(MapLayer layer, MapLevel level, LocalDate asOf) {
        MapLayers source = sources.stream().filter(s -> s.layers().stream().anyMatch(l -> l.id().equals(layer.id())))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no source offers the layer " + layer.id()));
        Map<String, MapEntry> given = source.values(layer, level, asOf);
        List<String> levelIds = ids(level);
        int[] categories = new int[levelIds.size()];
        int[] counts = new int[layer.legend().size()];
        Map<String, MapEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < categories.length; i++) {
            String geoid = levelIds.get(i);
            MapEntry entry = given.get(geoid);
            int category = layer.missing();
            if (entry != null) {
                if (entry.category() < 0 || entry.category() >= counts.length) {
                    throw new IllegalStateException("layer " + layer.id() + " gives " + geoid + " the category "
                            + entry.category() + ", which is not in its legend");
                }
                category = entry.category();
                entries.put(geoid, entry);
            }
            categories[i] = category;
            counts[category]++;
        }
        return new MapView(layer, level, asOf, levelIds, categories, counts, entries);
    }

    /**
     * A layer's values for one level and date.
     *
     * @param ids        the GEOIDs of the level, in order
     * @param categories the category of each, in the same order
     * @param counts     how many jurisdictions fall in each category of the legend
     * @param entries    what the source said, for the jurisdictions it knows (explanations and links)
     */
    public record MapView(MapLayer layer, MapLevel level, LocalDate asOf, List<String> ids, int[] categories, int[] counts,
                          Map<String, MapEntry> entries) {

        /** The category of one GEOID of the level, or -1 when it is not one. */
        public int categoryOf(String geoid) {
            int index = java.util.Collections.binarySearch(ids, geoid);
            return index < 0 ? -1 : categories[index];
        }
    }
}
