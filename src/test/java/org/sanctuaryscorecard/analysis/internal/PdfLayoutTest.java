package org.sanctuaryscorecard.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The PDF repair rules, one by one, on page texts as PDFBox writes them. */
class PdfLayoutTest {

    private static String repaired(String... pages) {
        return PdfLayout.repair(List.of(pages)).text();
    }

    @Test
    void hyphensAtLineEndsAreDroppedBetweenLowerCaseLetters() {
        assertThat(repaired("the enforce-\nment of law")).isEqualTo("the enforcement of law");
        assertThat(repaired("the pro\u2010\ntection")).isEqualTo("the protection");
        assertThat(repaired("a soft\u00AD\nhyphen")).isEqualTo("a softhyphen");
    }

    @Test
    void compoundsKeepTheirHyphen() {
        assertThat(repaired("share non-\npublic data")).isEqualTo("share non-public data");
        assertThat(repaired("community-\nbased groups")).isEqualTo("community-based groups");
        assertThat(repaired("state-\nlevel rules")).isEqualTo("state-level rules");
        assertThat(repaired("the self-\ngoverning city")).isEqualTo("the self-governing city");
        assertThat(repaired("full-\ntime staff")).isEqualTo("full-time staff");
        // a common suffix ends a word even after a hyphenated prefix
        assertThat(repaired("a self-\nish act")).isEqualTo("a selfish act");
        // after a digit or a bracket the hyphen is part of the word
        assertThat(repaired("COVID-19-\nrelated rules")).isEqualTo("COVID-19-related rules");
        assertThat(repaired("287(g)-\ntype agreements")).isEqualTo("287(g)-type agreements");
    }

    @Test
    void hyphensAreKeptWhenEitherSideIsNotLowerCase() {
        assertThat(repaired("the Anti-\nCommandeering Doctrine")).isEqualTo("the Anti-\nCommandeering Doctrine");
        assertThat(repaired("see pages 10-\n12 and 13")).isEqualTo("see pages 10-\n12 and 13");
        assertThat(repaired("a dash -\nand more")).isEqualTo("a dash - and more");
    }

    @Test
    void linesBrokenInsideASentenceAreJoined() {
        assertThat(repaired("no officer shall\ninquire into status")).isEqualTo("no officer shall inquire into status");
        assertThat(repaired("the City,\nand its agencies")).isEqualTo("the City, and its agencies");
    }

    @Test
    void sentenceEndsColonsParagraphsAndListItemsStayOnTheirOwnLines() {
        assertThat(repaired("It ends here.\nthen lower case")).isEqualTo("It ends here.\nthen lower case");
        assertThat(repaired("It ends here.\u201d\nthen")).isEqualTo("It ends here.\u201d\nthen");
        assertThat(repaired("the following:\nall persons")).isEqualTo("the following:\nall persons");
        assertThat(repaired("one paragraph\n\nanother one")).isEqualTo("one paragraph\n\nanother one");
        assertThat(repaired("the terms are\n(a) first\n(b) second")).isEqualTo("the terms are\n(a) first\n(b) second");
        assertThat(repaired("the terms are\na. first\nii) second\n(iv) third"))
                .isEqualTo("the terms are\na. first\nii) second\n(iv) third");
        assertThat(repaired("terms\n1. One\n\u00a7 2 Two\nSec. 3\nSection 4\n\u2022 five"))
                .isEqualTo("terms\n1. One\n\u00a7 2 Two\nSec. 3\nSection 4\n\u2022 five");
        assertThat(repaired("the County of\nSanta Clara")).isEqualTo("the County of\nSanta Clara");
    }

    @Test
    void runningHeadersAndFootersNeedThreePagesAndHalfOfThem() {
        String[] bodies = {"Article 1. Purpose.", "Article 2. Scope.", "Article 4. Detainers.", "Article 5. Data.",
            "Article 7. Reports.", "Article 8. Severability."};
        String[] pages = new String[6];
        for (int p = 1; p <= 6; p++) {
            // odd pages carry one header, even pages another: each on half of the pages
            String header = p % 2 == 1 ? "Ordinance 12 (2024)" : "City of Example";
            pages[p - 1] = header + "\n" + bodies[p - 1] + "\nRevised 3/1/2024\nCITY00" + (120 + p) + "\n- " + p + " -";
        }
        PdfLayout.Result result = PdfLayout.repair(List.of(pages));
        assertThat(result.text()).isEqualTo(String.join("\n", bodies));
        assertThat(result.repairs().get(0)).startsWith("Removed 24 running header, footer and page-number lines "
                + "from 6 pages, for example \u201cOrdinance 12 (2024)\u201d, \u201cRevised 3/1/2024\u201d, "
                + "\u201cCITY00121\u201d");

        // two pages: repeated lines stay, lone page numbers go
        assertThat(repaired("City of Example\nFirst.\n1", "City of Example\nSecond.\nPage 2 of 2"))
                .isEqualTo("City of Example\nFirst.\nCity of Example\nSecond.");
    }

    @Test
    void numbersThatFollowThePageNumberMakeARunningLineButOthersDoNot() {
        assertThat(repaired("Chapter 3\nOne.", "Chapter 4\nTwo.", "Chapter 5\nThree."))
                .as("numbered like the pages").isEqualTo("One.\nTwo.\nThree.");
        assertThat(repaired("Chapter 3\nOne.", "Chapter 5\nTwo.", "Chapter 9\nThree."))
                .isEqualTo("Chapter 3\nOne.\nChapter 5\nTwo.\nChapter 9\nThree.");
    }

    @Test
    void aLineRepeatedOnFewerThanHalfOfThePagesStays() {
        assertThat(repaired("Draft\nOne.", "Two.", "Three.", "Four.", "Five."))
                .isEqualTo("Draft\nOne.\nTwo.\nThree.\nFour.\nFive.");
    }

    @Test
    void pageNumbersHaveTheseShapes() {
        for (String number : List.of("3", "Page 3", "page 3 of 9", "3 of 9", "3/9", "- 3 -", "\u2013 12 \u2013", "[3]",
                "iv", "xii", "p. 7")) {
            assertThat(PdfLayout.isPageNumber(number)).as(number).isTrue();
        }
        for (String text : List.of("civil", "ill", "Section 3", "3.", "(3)", "IV", "2024 Annual Report", "mix")) {
            assertThat(PdfLayout.isPageNumber(text)).as(text).isFalse();
        }
    }

    @Test
    void everyCharacterKeepsItsPage() {
        PdfLayout.Result result = PdfLayout.repair(List.of("Header\nfirst page ends mid", "", "Header\nsentence here.",
                "Header\nlast."));
        // "Header" is on every page's top: removed
        assertThat(result.text()).isEqualTo("first page ends mid sentence here.\nlast.");
        assertThat(result.pages()).extracting(p -> p.start() + "-" + p.end())
                .containsExactly("0-20", "20-20", "20-35", "35-40");
    }
}
