package org.sanctuaryscorecard.protection;

import java.util.ArrayList;
import java.util.List;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.policy.Policy;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * An effective label in words, in the reader's language ({@code protection.explain.*} in messages.properties):
 * "protects, from California Government Code §§ 7283 and 7283.1 (TRUTH Act, AB 2792) (state law), quote “…”." and what
 * else holds: an unverified status, preemption or conflict, the jail it follows, several counties.
 */
public final class Explanations {

    private final Framework framework;
    private final LayeringRules rules;
    private final MessageSource messages;

    public Explanations(Framework framework, LayeringRules rules, MessageSource messages) {
        this.framework = framework;
        this.rules = rules;
        this.messages = messages;
    }

    /** The label in words. */
    public String words(EffectiveLabel l) {
        List<String> parts = new ArrayList<>();
        if (l.source() == null) {
            parts.add(message("protection.explain.silent"));
        } else {
            parts.add(message("protection.explain.source", l.label(), l.source().name(), level(l.source().level()),
                    l.source().quote() == null ? "" : l.source().quote()));
            if (l.source().unverified()) {
                parts.add(message("protection.explain.unverified", l.source().name()));
            }
            if (Policy.CountedFrom.IN_FORCE_BY.equals(l.source().countedFromBasis())) {
                parts.add(message("protection.explain.inForceBy", l.source().countedFrom().toString(),
                        l.source().countedFromNote() == null ? "" : l.source().countedFromNote()));
            } else if (Policy.CountedFrom.RECORDED.equals(l.source().countedFromBasis())) {
                parts.add(message("protection.explain.recorded", l.source().countedFrom().toString()));
            }
        }
        if (l.preempted()) {
            parts.add(message("protection.explain.preempted", items(l.conflicts())));
        } else if (!l.conflicts().isEmpty()) {
            parts.add(message("protection.explain.conflict", items(l.conflicts())));
        }
        if (l.jail() && "place".equals(l.jailRunBy())) {
            String question = framework.landscape().questions().stream()
                    .filter(q -> q.id().equals(rules.ownJailQuestion())).findFirst().orElseThrow().text();
            parts.add(message("protection.explain.jailPlace", question, String.valueOf(l.jailAssessment())));
        } else if (l.jail() && "county".equals(l.jailRunBy())) {
            parts.add(message("protection.explain.jailCounty"));
        }
        if (l.counties() > 1 && !"place".equals(l.jailRunBy())) {
            parts.add(message("protection.explain.severalCounties", l.counties()));
        }
        return String.join(" ", parts);
    }

    private String items(List<EffectiveLabel.Source> sources) {
        return String.join("; ", sources.stream().map(s -> message("protection.explain.item", s.name(), level(s.level()),
                s.label(), s.quote() == null ? "" : s.quote())).toList());
    }

    private String level(String level) {
        return message("protection.level." + level);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
