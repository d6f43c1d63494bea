package org.sanctuaryscorecard.nationalmap.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.nationalmap.MapCategory;
import org.sanctuaryscorecard.nationalmap.MapEntry;
import org.sanctuaryscorecard.nationalmap.MapLevel;
import org.sanctuaryscorecard.nationalmap.internal.NationalMap;
import org.sanctuaryscorecard.nationalmap.internal.NationalMap.MapView;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /map}: the national map and its table twin. The form is a plain GET, so the page works without JavaScript
 * (the tables and the legend are rendered here); {@code static/js/map.js} draws the map from {@code /api/map}.
 */
@Controller
class MapPageController {

    private final NationalMap map;
    private final JurisdictionCatalog catalog;
    private final MessageSource messages;

    MapPageController(NationalMap map, JurisdictionCatalog catalog, MessageSource messages) {
        this.map = map;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** A layer in the menu. */
    record LayerOption(String id, String label) {
    }

    /** A legend line: the category, its words, and how many jurisdictions of the level fall in it. */
    record LegendLine(int index, MapCategory category, String label, int count) {
    }

    /** A line of the table twin. */
    record Row(String geoid, String name, String state, int category, String categoryLabel, String explanation, String link) {
    }

    @GetMapping("/map")
    String page(@RequestParam(required = false) String layer, @RequestParam(required = false) String level,
                @RequestParam(required = false) String asOf, @RequestParam(required = false) String state, Model model) {
        MapRequest request = MapRequest.parse(map, layer, level, asOf);
        Jurisdiction chosenState = null;
        if (state != null && !state.isBlank()) {
            chosenState = catalog.find(state.strip()).filter(j -> j.kind() == JurisdictionKind.STATE).orElseThrow(() ->
                    new ExplainedException(HttpStatus.BAD_REQUEST, "map.error.state",
                            state.strip().length() > 40 ? state.strip().substring(0, 40) + "…" : state.strip()));
        }
        Locale locale = LocaleContextHolder.getLocale();
        MapView states = map.view(request.layer(), MapLevel.STATE, request.asOf());
        MapView shown = request.level() == MapLevel.STATE ? states : map.view(request.layer(), MapLevel.COUNTY, request.asOf());

        List<LegendLine> legend = legend(shown, locale);
        List<LegendLine> stateLegend = shown == states ? legend : legend(states, locale);
        List<Row> countyRows = new ArrayList<>();
        if (request.level() == MapLevel.COUNTY) {
            for (String geoid : shown.ids()) {
                boolean inState = chosenState != null && geoid.startsWith(chosenState.geoid());
                if (inState || chosenState == null && shown.entries().containsKey(geoid)) {
                    countyRows.add(row(shown, geoid, legend, locale));
                }
            }
        }
        model.addAttribute("layers", map.layers().stream()
                .map(l -> new LayerOption(l.id(), messages.getMessage(l.label(), locale))).toList());
        model.addAttribute("layer", request.layer());
        model.addAttribute("layerLabel", messages.getMessage(request.layer().label(), locale));
        model.addAttribute("level", request.level().id());
        model.addAttribute("asOf", request.asOf().toString());
        model.addAttribute("today", map.today().toString());
        model.addAttribute("earliest", MapRequest.EARLIEST.toString());
        model.addAttribute("legend", legend);
        model.addAttribute("stateRows", states.ids().stream().map(g -> row(states, g, stateLegend, locale)).toList());
        model.addAttribute("countyRows", countyRows);
        model.addAttribute("countyTotal", shown.ids().size());
        model.addAttribute("chosenState", chosenState);
        model.addAttribute("stateOptions", states.ids().stream().map(catalog::require).toList());
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/map").queryParam("layer", request.layer().id())
                .queryParam("level", request.level().id()).queryParam("asOf", request.asOf().toString());
        if (chosenState != null) {
            link.queryParam("state", chosenState.geoid());
        }
        model.addAttribute("permalink", link.build().toUriString());
        model.addAttribute("dataUrl", UriComponentsBuilder.fromPath("/api/map").queryParam("layer", request.layer().id())
                .queryParam("level", request.level().id()).queryParam("asOf", request.asOf().toString()).build().toUriString());
        return "nationalmap/map";
    }

    private List<LegendLine> legend(MapView view, Locale locale) {
        List<LegendLine> legend = new ArrayList<>();
        List<MapCategory> categories = view.layer().legend();
        for (int i = 0; i < categories.size(); i++) {
            legend.add(new LegendLine(i, categories.get(i), messages.getMessage(categories.get(i).labelKey(), null, locale),
                    view.counts()[i]));
        }
        return legend;
    }

    private Row row(MapView view, String geoid, List<LegendLine> legend, Locale locale) {
        Jurisdiction j = catalog.require(geoid);
        int category = view.categoryOf(geoid);
        MapEntry entry = view.entries().get(geoid);
        String explanation = entry == null || entry.explanation() == null ? null : messages.getMessage(entry.explanation(), locale);
        return new Row(geoid, j.name(), catalog.stateOf(j).name(), category, legend.get(category).label(), explanation,
                entry == null ? null : entry.link());
    }
}
