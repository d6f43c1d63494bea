package org.sanctuaryscorecard.jurisdiction.web;

import java.util.List;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionPageSection;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The jurisdiction pages: search results, typeahead suggestions, and one page per jurisdiction. */
@Controller
class JurisdictionPageController {

    static final int CHILDREN_PER_PAGE = 50;
    static final int SUGGESTIONS = 8;

    private final JurisdictionLookup lookup;
    private final List<JurisdictionPageSection> sections;

    JurisdictionPageController(JurisdictionLookup lookup, List<JurisdictionPageSection> sections) {
        this.lookup = lookup;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(JurisdictionPageSection::order)).toList();
    }

    /** A section as the page template renders it. */
    record Section(String template, java.util.Map<String, Object> data) {
    }

    @GetMapping("/jurisdictions")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("query", query == null ? "" : query);
        if (query != null && !query.isBlank()) {
            model.addAttribute("matches", lookup.search(query, JurisdictionCatalog.MAX_RESULTS));
        }
        model.addAttribute("catalog", lookup.catalog());
        return "jurisdiction/search";
    }

    /** The typeahead's list of links (an htmx fragment); empty input gives an empty list, not an error. */
    @GetMapping("/jurisdictions/suggest")
    String suggest(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("catalog", lookup.catalog());
        if (query == null || query.isBlank()) {
            model.addAttribute("matches", List.of());
        } else if (query.length() > JurisdictionCatalog.MAX_QUERY_LENGTH) {
            model.addAttribute("matches", List.of());
            model.addAttribute("problem", "tooLong");
        } else {
            model.addAttribute("matches", lookup.search(query, SUGGESTIONS));
            model.addAttribute("query", query);
        }
        return "jurisdiction/suggestions :: suggestions";
    }

    @GetMapping("/jurisdictions/{geoid}")
    String page(@PathVariable String geoid, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        Jurisdiction jurisdiction = lookup.require(geoid);
        JurisdictionCatalog catalog = lookup.catalog();
        List<Jurisdiction> children = catalog.children(jurisdiction);
        int pages = Math.max(1, (children.size() + CHILDREN_PER_PAGE - 1) / CHILDREN_PER_PAGE);
        if (page < 1 || page > pages) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "error.page.outOfRange", page, pages);
        }
        int from = (page - 1) * CHILDREN_PER_PAGE;
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("state", catalog.stateOf(jurisdiction));
        model.addAttribute("parents", catalog.parents(jurisdiction));
        model.addAttribute("counties", jurisdiction.countyGeoids().stream().map(catalog::find)
                .flatMap(java.util.Optional::stream).toList());
        model.addAttribute("children", children.subList(from, Math.min(children.size(), from + CHILDREN_PER_PAGE)));
        model.addAttribute("childCount", children.size());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("firstChild", from + 1);
        model.addAttribute("sections", sections.stream().map(s -> new Section(s.template(), s.data(jurisdiction))).toList());
        return "jurisdiction/page";
    }
}
