package org.sanctuaryscorecard.nationalmap.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

import org.sanctuaryscorecard.nationalmap.MapLayer;
import org.sanctuaryscorecard.nationalmap.MapLevel;
import org.sanctuaryscorecard.nationalmap.internal.NationalMap;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;

/**
 * The view a page or API request asks for: a layer, a level and an "as of" date, checked. A wrong value is a 400 that
 * says what is allowed; a missing one takes its default (the summary layer, counties, today).
 */
record MapRequest(MapLayer layer, MapLevel level, LocalDate asOf) {

    /** The earliest "as of" date accepted. */
    static final LocalDate EARLIEST = LocalDate.of(1776, 7, 4);
    /** The longest layer id accepted before it is even looked up. */
    private static final int LAYER_MAX = 100;

    static MapRequest parse(NationalMap map, String layerId, String levelId, String asOfText) {
        MapLayer layer;
        if (layerId == null || layerId.isBlank()) {
            layer = map.layers().get(0);
        } else {
            String clean = layerId.strip();
            layer = map.layer(clean).orElseThrow(() -> new ExplainedException(HttpStatus.BAD_REQUEST, "map.error.layer",
                    clean.length() > LAYER_MAX ? clean.substring(0, LAYER_MAX) + "…" : clean,
                    map.layers().stream().map(MapLayer::id).collect(Collectors.joining(", "))));
        }
        MapLevel level = levelId == null || levelId.isBlank() ? MapLevel.COUNTY : MapLevel.of(levelId.strip()).orElseThrow(() ->
                new ExplainedException(HttpStatus.BAD_REQUEST, "map.error.level", shorten(levelId)));
        LocalDate today = map.today();
        LocalDate asOf = today;
        if (asOfText != null && !asOfText.isBlank()) {
            try {
                asOf = LocalDate.parse(asOfText.strip());
            } catch (DateTimeParseException e) {
                throw new ExplainedException(HttpStatus.BAD_REQUEST, "map.error.asOf", shorten(asOfText));
            }
            if (asOf.isBefore(EARLIEST) || asOf.isAfter(today)) {
                throw new ExplainedException(HttpStatus.BAD_REQUEST, "map.error.asOfRange", asOf.toString(),
                        EARLIEST.toString(), today.toString());
            }
        }
        return new MapRequest(layer, level, asOf);
    }

    private static String shorten(String text) {
        String clean = text.strip();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
