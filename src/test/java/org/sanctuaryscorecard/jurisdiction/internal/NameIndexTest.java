package org.sanctuaryscorecard.jurisdiction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameIndexTest {

    @Test
    void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(NameIndex.editDistance("clara", "clara", 2)).isZero();
        assertThat(NameIndex.editDistance("clra", "clara", 2)).isEqualTo(1);
        assertThat(NameIndex.editDistance("sanat", "santa", 2)).isEqualTo(1);
        assertThat(NameIndex.editDistance("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(NameIndex.editDistance("abcdef", "uvwxyz", 2)).isEqualTo(3);
    }

    @Test
    void shortWordsMustMatchExactlyOrAsAPrefix() {
        assertThat(NameIndex.allowedTypos("san")).isZero();
        assertThat(NameIndex.allowedTypos("sant")).isEqualTo(1);
        assertThat(NameIndex.allowedTypos("philadel")).isEqualTo(2);
    }

    @Test
    void placeNamesFoldAccentsPunctuationAndAbbreviations() {
        assertThat(PlaceNames.tokens("St. Louis")).containsExactly("saint", "louis");
        assertThat(PlaceNames.tokens("Doña Ana County")).containsExactly("dona", "ana", "county");
        assertThat(PlaceNames.tokens("O'Fallon city")).containsExactly("ofallon", "city");
        assertThat(PlaceNames.tokens("Winston-Salem")).containsExactly("winston", "salem");
        assertThat(PlaceNames.tokens("Utqiaġvik")).containsExactly("utqiagvik");
        assertThat(PlaceNames.queryTokens("city of the dalles")).containsExactly("city", "dalles");
        assertThat(PlaceNames.queryTokens("of the")).containsExactly("of", "the");
    }
}
