package org.sanctuaryscorecard.nationalmap.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.nationalmap.MapCategory;
import org.sanctuaryscorecard.nationalmap.MapEntry;
import org.sanctuaryscorecard.nationalmap.MapLayer;
import org.sanctuaryscorecard.nationalmap.MapLayers;
import org.sanctuaryscorecard.nationalmap.MapLevel;
import org.sanctuaryscorecard.nationalmap.MapPattern;
import org.sanctuaryscorecard.protection.EffectiveLabel;
import org.sanctuaryscorecard.protection.EffectiveProtections;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Layers from the effective protection (module {@code protection}: state law layered over county policy, from the
 * policies on record): a summary over the thirteen provisions, the map's default, and one layer per provision. A state
 * or county that no policy on record reaches, at its own level or above, is "no policy on record", drawn like "not
 * assessed" (grey, hatched): nothing is known, which is not the same as not protected. One whose policies are all
 * silent on a provision is "silent" there: policies exist and do not address it.
 */
@Component
@Order(0)
class ProtectionMapLayers implements MapLayers {

    /** The id of the summary layer. */
    static final String SUMMARY = "protection";
    /** The ids of the provision layers start with this, then the provision's id. */
    static final String PROVISION = "provision.";

    private static final String BLUE = "#0072B2";
    private static final String SKY_BLUE = "#56B4E9";
    private static final String VERMILLION = "#D55E00";
    private static final String YELLOW = "#F0E442";
    private static final String GREY = "#E0E0E0";
    /** Protects on at least this many of the thirteen provisions: "protects on most". */
    private static final int MOST = 7;

    private static final MapCategory NOT_ON_RECORD = new MapCategory("not-on-record", "map.category.not-on-record", GREY,
            MapPattern.HATCH);
    private static final List<MapCategory> SUMMARY_LEGEND = List.of(
            new MapCategory("protects-most", "map.category.protects-most", BLUE, MapPattern.SOLID),
            new MapCategory("protects-some", "map.category.protects-some", SKY_BLUE, MapPattern.DOTS),
            new MapCategory("contrary", "map.category.contrary", VERMILLION, MapPattern.SOLID),
            new MapCategory("all-silent", "map.category.all-silent", YELLOW, MapPattern.CROSSHATCH),
            NOT_ON_RECORD);
    private static final List<MapCategory> PROVISION_LEGEND = List.of(
            new MapCategory("protects", "map.category.protects", BLUE, MapPattern.SOLID),
            new MapCategory("limited", "map.category.limited", SKY_BLUE, MapPattern.DOTS),
            new MapCategory("contrary", "map.category.contrary", VERMILLION, MapPattern.SOLID),
            new MapCategory("silent", "map.category.silent", YELLOW, MapPattern.CROSSHATCH),
            NOT_ON_RECORD);
    private static final List<String> LABELS = List.of("protects", "limited", "contrary", "silent");

    private final EffectiveProtections protections;
    private final List<MapLayer> layers;

    ProtectionMapLayers(EffectiveProtections protections, Framework framework) {
        this.protections = protections;
        List<MapLayer> all = new ArrayList<>();
        all.add(new MapLayer(SUMMARY, new DefaultMessageSourceResolvable("map.layer.protection"), SUMMARY_LEGEND,
                SUMMARY_LEGEND.size() - 1));
        for (String provision : protections.provisions()) {
            all.add(new MapLayer(PROVISION + provision, new DefaultMessageSourceResolvable(new String[] {"map.layer.provision"},
                    new Object[] {framework.provision(provision).map(Framework.Provision::name).orElse(provision)}),
                    PROVISION_LEGEND, PROVISION_LEGEND.size() - 1));
        }
        this.layers = List.copyOf(all);
    }

    @Override
    public List<MapLayer> layers() {
        return layers;
    }

    @Override
    public Map<String, MapEntry> values(MapLayer layer, MapLevel level, LocalDate asOf) {
        Map<String, MapEntry> values = new HashMap<>();
        // counties without policies of their own share their state's list of labels (the same object)
        Map<List<EffectiveLabel>, MapEntry> shared = new IdentityHashMap<>();
        protections.forAll(level.id(), asOf).forEach((geoid, labels) -> {
            if (labels.stream().anyMatch(l -> l.source() != null)) {
                MapEntry entry = shared.computeIfAbsent(labels, l -> entry(layer, l));
                values.put(geoid, new MapEntry(entry.category(), entry.explanation(), "/jurisdictions/" + geoid));
            }
        });
        return values;
    }

    /** The entry of one list of labels; its link is added per GEOID. */
    private MapEntry entry(MapLayer layer, List<EffectiveLabel> labels) {
        if (layer.id().equals(SUMMARY)) {
            int[] counts = new int[LABELS.size()];
            for (EffectiveLabel l : labels) {
                counts[LABELS.indexOf(l.label())]++;
            }
            int category;
            if (counts[2] > 0) {
                category = 2;
            } else if (counts[0] >= MOST) {
                category = 0;
            } else if (counts[0] + counts[1] > 0) {
                category = 1;
            } else {
                category = 3;
            }
            return new MapEntry(category, new DefaultMessageSourceResolvable(new String[] {"map.explain.protection"},
                    new Object[] {counts[0], counts[1], counts[2], counts[3], labels.size()}), null);
        }
        String provision = layer.id().substring(PROVISION.length());
        EffectiveLabel label = labels.stream().filter(l -> l.provision().equals(provision)).findFirst().orElseThrow();
        return new MapEntry(LABELS.indexOf(label.label()), new DefaultMessageSourceResolvable(
                new String[] {"map.explain.provision"}, new Object[] {label.explanation()}, label.explanation()), null);
    }
}
