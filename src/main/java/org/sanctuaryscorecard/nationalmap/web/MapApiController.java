package org.sanctuaryscorecard.nationalmap.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.nationalmap.MapCategory;
import org.sanctuaryscorecard.nationalmap.internal.NationalMap;
import org.sanctuaryscorecard.nationalmap.internal.NationalMap.MapView;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/map?layer=&level=state|county&asOf=YYYY-MM-DD[&explain=true]}: one layer's category for every state
 * or every county, as an index into the legend. Explanations and links only when asked for, and only for the
 * jurisdictions the layer's source knows something about.
 */
@RestController
class MapApiController {

    private final NationalMap map;
    private final MessageSource messages;

    MapApiController(NationalMap map, MessageSource messages) {
        this.map = map;
        this.messages = messages;
    }

    /** The JSON answer. {@code values}: GEOID → index into {@code legend}; {@code missing}: the "not assessed" index. */
    record MapJson(String layer, String label, String level, String asOf, List<LegendJson> legend, int missing,
                   Map<String, Integer> values, Map<String, ExplanationJson> explanations) {
    }

    /** One legend category and how many jurisdictions of the level fall in it. */
    record LegendJson(String id, String label, String colour, String pattern, int count) {
    }

    /** Why a jurisdiction is in its category, and where to read more. */
    record ExplanationJson(String text, String link) {
    }

    @GetMapping("/api/map")
    MapJson map(@RequestParam(required = false) String layer, @RequestParam(required = false) String level,
                @RequestParam(required = false) String asOf, @RequestParam(required = false) String explain) {
        MapRequest request = MapRequest.parse(map, layer, level, asOf);
        if (explain != null && !"true".equals(explain) && !"false".equals(explain)) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "map.error.explain");
        }
        MapView view = map.view(request.layer(), request.level(), request.asOf());
        var locale = LocaleContextHolder.getLocale();
        List<LegendJson> legend = new ArrayList<>();
        List<MapCategory> categories = view.layer().legend();
        for (int i = 0; i < categories.size(); i++) {
            MapCategory c = categories.get(i);
            legend.add(new LegendJson(c.id(), messages.getMessage(c.labelKey(), null, locale), c.colour(), c.pattern().id(),
                    view.counts()[i]));
        }
        Map<String, Integer> values = new LinkedHashMap<>(view.ids().size() * 4 / 3 + 1);
        for (int i = 0; i < view.categories().length; i++) {
            values.put(view.ids().get(i), view.categories()[i]);
        }
        Map<String, ExplanationJson> explanations = null;
        if ("true".equals(explain)) {
            explanations = new LinkedHashMap<>();
            for (var e : view.entries().entrySet()) {
                explanations.put(e.getKey(), new ExplanationJson(e.getValue().explanation() == null ? null
                        : messages.getMessage(e.getValue().explanation(), locale), e.getValue().link()));
            }
        }
        return new MapJson(view.layer().id(), messages.getMessage(view.layer().label(), locale), view.level().id(),
                view.asOf().toString(), legend, view.layer().missing(), values, explanations);
    }
}
