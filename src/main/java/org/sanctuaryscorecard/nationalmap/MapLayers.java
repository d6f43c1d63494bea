package org.sanctuaryscorecard.nationalmap;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A source of map layers. Another module offers layers by declaring a Spring bean that implements this interface
 * (see docs/map.md). Layer ids must be unique across all sources.
 */
public interface MapLayers {

    /** The layers this source offers, in the order the layer menu lists them. */
    List<MapLayer> layers();

    /**
     * Where each jurisdiction of a level stands on one of this source's layers as of a date.
     *
     * @param layer a layer of {@link #layers()}
     * @return GEOID → entry, for the jurisdictions this source knows something about; every other GEOID of the level
     *         is shown in the layer's {@link MapLayer#missing() missing} category ("not assessed")
     */
    Map<String, MapEntry> values(MapLayer layer, MapLevel level, LocalDate asOf);
}
