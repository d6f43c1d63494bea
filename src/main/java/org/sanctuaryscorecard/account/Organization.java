package org.sanctuaryscorecard.account;

/**
 * A group that makes assessments: a coalition, a legal clinic, a newsroom. Its drafts are seen only by its members.
 *
 * @param id   its number
 * @param slug its short name in addresses ("bay-area-coalition")
 * @param name its name
 */
public record Organization(long id, String slug, String name) {

    /** The slug of the built-in organization that owns the shipped examples. */
    public static final String EXAMPLES = "examples";
}
