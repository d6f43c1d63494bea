package org.sanctuaryscorecard.framework.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.Framework.Criterion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code /framework}, the whole framework for people, and {@code /api/framework}, the same as JSON. */
@Controller
class FrameworkController {

    private final Framework framework;

    FrameworkController(Framework framework) {
        this.framework = framework;
    }

    @GetMapping("/framework")
    String page(Model model) {
        model.addAttribute("framework", framework);
        model.addAttribute("tableRows", tableRows(framework));
        model.addAttribute("provisionNames", provisionNames(framework));
        return "framework/framework";
    }

    @GetMapping("/api/framework")
    @ResponseBody
    Framework api() {
        return framework;
    }

    /** The chapter's table rows: criteria that share a row (2 and 3) are shown together, as in the chapter. */
    static List<List<Criterion>> tableRows(Framework framework) {
        Map<Integer, List<Criterion>> rows = new LinkedHashMap<>();
        for (Criterion criterion : framework.criteria()) {
            rows.computeIfAbsent(criterion.chapterRow(), r -> new java.util.ArrayList<>()).add(criterion);
        }
        return List.copyOf(rows.values());
    }

    static Map<String, String> provisionNames(Framework framework) {
        Map<String, String> names = new LinkedHashMap<>();
        framework.provisions().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }
}
