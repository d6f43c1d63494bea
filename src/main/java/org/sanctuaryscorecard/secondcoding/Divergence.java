package org.sanctuaryscorecard.secondcoding;

/**
 * How often two codings differ: the questions where the answers differ, out of those both coders answered.
 *
 * @param rate different / answeredByBoth, or null when no question was answered by both
 */
public record Divergence(int different, int answeredByBoth, int answeredByOne, Double rate) {

    public static Divergence of(int different, int answeredByBoth, int answeredByOne) {
        return new Divergence(different, answeredByBoth, answeredByOne,
                answeredByBoth == 0 ? null : (double) different / answeredByBoth);
    }

    /** The sum of two divergences (the rate over both). */
    public Divergence plus(Divergence other) {
        return of(different + other.different, answeredByBoth + other.answeredByBoth, answeredByOne + other.answeredByOne);
    }
}
