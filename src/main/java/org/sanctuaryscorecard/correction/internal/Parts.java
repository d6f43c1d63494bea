package org.sanctuaryscorecard.correction.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.framework.Framework;
import org.springframework.stereotype.Component;

/**
 * The parts of a scorecard a correction request can be about, from the framework: each criterion and its questions,
 * each landscape question, each provision of the ideal-policy checklist ({@code provision.<id>}), and
 * {@value #OTHER}. Their words come from the framework's data.
 */
@Component
public class Parts {

    /** Anything else: the summary, the gaps, the title, the date ... */
    public static final String OTHER = "other";
    private static final int OPTION_TEXT_MAX = 110;

    private final List<Group> groups;
    private final Map<String, String> labels = new LinkedHashMap<>();

    Parts(Framework framework) {
        List<Group> list = new ArrayList<>();
        for (Framework.Criterion criterion : framework.criteria()) {
            List<Option> options = new ArrayList<>();
            String name = criterion.number() + ". " + criterion.name();
            options.add(option(criterion.id(), name));
            for (Framework.CriterionQuestion question : criterion.questions()) {
                options.add(option(question.id(), framework.questionNumber(question.id()) + " " + question.text()));
            }
            list.add(new Group(name, null, options));
        }
        List<Option> landscape = new ArrayList<>();
        framework.landscape().questions().forEach(q -> landscape.add(option(q.id(), q.text())));
        list.add(new Group(framework.landscape().title(), null, landscape));
        List<Option> provisions = new ArrayList<>();
        framework.provisions().forEach(p -> provisions.add(option("provision." + p.id(), p.name())));
        list.add(new Group(null, "assessment.provisions.heading", provisions));
        this.groups = List.copyOf(list);
    }

    private Option option(String id, String text) {
        labels.put(id, text);
        return new Option(id, text.length() <= OPTION_TEXT_MAX ? text : text.substring(0, OPTION_TEXT_MAX - 1).strip() + "\u2026");
    }

    /** The parts in the order of the scorecard, grouped (without {@value #OTHER}, which comes last on its own). */
    public List<Group> groups() {
        return groups;
    }

    /** Whether this is a part of the scorecard (or {@value #OTHER}). */
    public boolean exists(String id) {
        return OTHER.equals(id) || labels.containsKey(id);
    }

    /** The full words of a part ("1.2 Does the sheriff ...?"); empty for {@value #OTHER} and unknown ids. */
    public Optional<String> label(String id) {
        return Optional.ofNullable(labels.get(id));
    }

    /**
     * A group of parts: its heading is {@code label}, or the message with key {@code messageKey}.
     */
    public record Group(String label, String messageKey, List<Option> options) {
    }

    /** One part to choose: its id and its words (shortened for a list). */
    public record Option(String id, String text) {
    }
}
