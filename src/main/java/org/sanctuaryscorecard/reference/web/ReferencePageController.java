package org.sanctuaryscorecard.reference.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.sanctuaryscorecard.reference.ReferenceData;
import org.sanctuaryscorecard.reference.ReferenceFact;
import org.sanctuaryscorecard.reference.ReferenceKind;
import org.sanctuaryscorecard.reference.ReferenceList;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /reference}: the public lists with their provenance and counts; {@code /reference/{list}}: one list. */
@Controller
class ReferencePageController {

    static final int ROWS_PER_PAGE = 200;

    private final ReferenceData reference;
    private final Statements statements;

    ReferencePageController(ReferenceData reference, Statements statements) {
        this.reference = reference;
        this.statements = statements;
    }

    @GetMapping("/reference")
    String lists(Model model) {
        List<ReferenceList> lists = reference.lists();
        model.addAttribute("kinds", ReferenceKind.values());
        model.addAttribute("byKind", lists.stream().collect(Collectors.groupingBy(l -> l.kind().id())));
        model.addAttribute("names", lists.stream().collect(Collectors.toMap(l -> l.id(), statements::listName)));
        return "reference/lists";
    }

    /** One list, by its number or, for the current list of a kind, by the kind ("287g"). */
    @GetMapping("/reference/{list}")
    String list(@PathVariable("list") String given, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        ReferenceList list = find(reference, given);
        List<ReferenceFact> facts = reference.facts(list.id(), false);
        int pages = Math.max(1, (facts.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        if (page < 1 || page > pages) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "error.page.outOfRange", page, pages);
        }
        int from = (page - 1) * ROWS_PER_PAGE;
        Map<String, Long> methods = new TreeMap<>(facts.stream().collect(Collectors.groupingBy(ReferenceFact::matchMethod,
                Collectors.counting())));
        model.addAttribute("list", list);
        model.addAttribute("name", statements.listName(list));
        model.addAttribute("newer", list.supersededBy() == null ? null : reference.list(list.supersededBy()).orElse(null));
        model.addAttribute("older", reference.lists().stream().filter(l -> list.id() == (l.supersededBy() == null ? -1 : l.supersededBy()))
                .toList());
        model.addAttribute("methods", methods);
        model.addAttribute("unmatched", facts.stream().filter(f -> !f.matched()).toList());
        model.addAttribute("rows", facts.subList(from, Math.min(facts.size(), from + ROWS_PER_PAGE)).stream()
                .map(f -> statements.view(f, false)).toList());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("firstRow", from + 1);
        model.addAttribute("rowCount", facts.size());
        return "reference/list";
    }

    /** The list named by a number, or the current list of a kind; 404 otherwise. */
    static ReferenceList find(ReferenceData reference, String given) {
        if (given.matches("\\d{1,18}")) {
            return reference.list(Long.parseLong(given))
                    .orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "reference.error.noList", given));
        }
        return ReferenceKind.of(given).flatMap(reference::current)
                .orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "reference.error.noList", given));
    }
}
