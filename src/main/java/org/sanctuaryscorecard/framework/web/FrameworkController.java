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
    private final org.springframework.context.MessageSource messages;

    FrameworkController(Framework framework, org.springframework.context.MessageSource messages) {
        this.framework = framework;
        this.messages = messages;
    }

    /** One criterion's rule in words. */
    record RuleView(Framework.Criterion criterion, RuleWords.Clause met, RuleWords.Clause partlyMet, RuleWords.Clause notMet) {
    }

    @GetMapping("/framework/scoring")
    String scoring(Model model) {
        RuleWords words = new RuleWords(framework, messages, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        model.addAttribute("framework", framework);
        model.addAttribute("rules", framework.criteria().stream().map(c -> new RuleView(c, words.of(c.scoring().met()),
                words.of(c.scoring().partlyMet()), words.of(c.scoring().notMet()))).toList());
        return "framework/scoring";
    }

    @GetMapping("/framework")
    String page(Model model) {
        model.addAttribute("framework", framework);
        model.addAttribute("tableRows", framework.tableRows());
        model.addAttribute("provisionNames", provisionNames(framework));
        model.addAttribute("questionNumbers", questionNumbers(framework));
        model.addAttribute("askedIfAnswers", askedIfAnswers(framework));
        return "framework/framework";
    }

    @GetMapping({"/api/framework", "/api/v1/framework"})
    @ResponseBody
    Framework api() {
        return framework;
    }

    /** "2.1" for the first question of criterion 2: how the page refers to questions. */
    static Map<String, String> questionNumbers(Framework framework) {
        Map<String, String> numbers = new LinkedHashMap<>();
        framework.questions().forEach(q -> numbers.put(q.id(), framework.questionNumber(q.id())));
        return numbers;
    }

    /** For each follow-up question, the words of the earlier answer it depends on ("No"). */
    static Map<String, String> askedIfAnswers(Framework framework) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Criterion criterion : framework.criteria()) {
            for (Framework.CriterionQuestion question : criterion.questions()) {
                if (question.askedIf() == null) {
                    continue;
                }
                Criterion earlier = framework.criteria().stream()
                        .filter(c -> c.questions().stream().anyMatch(q -> q.id().equals(question.askedIf().question())))
                        .findFirst().orElseThrow();
                framework.answerSet(earlier.answerSet()).orElseThrow().options().stream()
                        .filter(o -> o.code().equals(question.askedIf().answer()))
                        .forEach(o -> answers.put(question.id(), o.label()));
            }
        }
        return answers;
    }

    static Map<String, String> provisionNames(Framework framework) {
        Map<String, String> names = new LinkedHashMap<>();
        framework.provisions().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }
}
