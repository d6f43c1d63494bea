package org.sanctuaryscorecard.reference;

import java.util.List;

/**
 * A list that cannot be imported, with every problem found (each a key of {@code messages.properties} and its
 * arguments, the line first where there is one). Nothing was changed.
 */
public final class ReferenceImportException extends RuntimeException {

    /** One problem: its message key and arguments. */
    public record Problem(String key, List<Object> arguments) {
        public Problem(String key, Object... arguments) {
            this(key, List.of(arguments));
        }
    }

    private final transient List<Problem> problems;

    public ReferenceImportException(List<Problem> problems) {
        super(problems.get(0).key() + " " + problems.get(0).arguments());
        this.problems = List.copyOf(problems);
    }

    public ReferenceImportException(String key, Object... arguments) {
        this(List.of(new Problem(key, arguments)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
