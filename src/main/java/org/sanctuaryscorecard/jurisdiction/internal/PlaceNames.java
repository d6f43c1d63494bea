package org.sanctuaryscorecard.jurisdiction.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns place names and queries into comparable tokens: lower case, no accents or apostrophes, and the usual
 * abbreviations spelled out, so that "St. Louis", "Saint Louis" and "st louis" meet, as do "Doña Ana" and "dona ana".
 */
public final class PlaceNames {

    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "st", "saint",
            "ste", "sainte",
            "ft", "fort",
            "mt", "mount",
            "pt", "point");

    /** Words a person may type that names never need to match ("city of San Jose"). */
    private static final Set<String> FILLER = Set.of("of", "the");

    private PlaceNames() {
    }

    /** The tokens of a name, in order, with abbreviations expanded. */
    public static List<String> tokens(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replace('&', ' ')
                .replaceAll("['\u2018\u2019\u02bb\u02bc`]", "");
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letterOrDigit = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (letterOrDigit && start < 0) {
                start = i;
            } else if (!letterOrDigit && start >= 0) {
                String token = folded.substring(start, i);
                tokens.add(ABBREVIATIONS.getOrDefault(token, token));
                start = -1;
            }
        }
        return tokens;
    }

    /** The tokens of what a person typed, without filler words (unless there is nothing else). */
    public static List<String> queryTokens(String query) {
        List<String> tokens = tokens(query);
        List<String> meaningful = tokens.stream().filter(t -> !FILLER.contains(t)).toList();
        return meaningful.isEmpty() ? tokens : meaningful;
    }

    /** The tokens joined by single spaces: the form in which two names are compared whole. */
    public static String key(List<String> tokens) {
        return String.join(" ", tokens);
    }
}
