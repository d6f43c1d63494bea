package org.sanctuaryscorecard.framework;

/**
 * The framework file cannot be used. The message names the file, the item and the problem, in that order, so that a
 * person editing the YAML can fix it without reading code.
 */
public final class FrameworkException extends RuntimeException {

    private final String source;
    private final String item;
    private final String problem;

    public FrameworkException(String source, String item, String problem) {
        super(source + ": " + (item.isEmpty() ? "" : item + ": ") + problem);
        this.source = source;
        this.item = item;
        this.problem = problem;
    }

    /** The file (or resource) that was read. */
    public String source() {
        return source;
    }

    /** Where in the file the problem is, such as {@code criterion.detainers > questions[2]}; empty for the whole file. */
    public String item() {
        return item;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }
}
