package org.sanctuaryscorecard.analysis.internal.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static String body(String text, Segmenter.Block block) {
        return text.substring(block.start(), block.end());
    }

    @Test
    void itemsHangFromTheirLeadInsAndWrappedLinesStayOneBlock() {
        String text = """
                § 7. Limits.
                (a) Except as provided in subsection (b), no agency
                shall:
                (1) hold a person on a detainer; or
                (2) give ICE access to the jail, unless:
                (A) the person consents; and
                (B) counsel is present.
                (b) Nothing else.
                """;
        List<Segmenter.Block> blocks = Segmenter.blocks(text);
        assertThat(blocks).extracting(b -> b.label()).containsExactly("§ 7.", "(a)", "(1)", "(2)", "(A)", "(B)", "(b)");
        assertThat(body(text, blocks.get(1))).isEqualTo("(a) Except as provided in subsection (b), no agency\nshall:");
        assertThat(blocks.get(1).leadIn()).isTrue();
        assertThat(blocks.get(2).frames()).extracting(f -> f.label()).containsExactly("(a)");
        assertThat(blocks.get(5).frames()).extracting(f -> f.label()).containsExactly("(a)", "(2)");
        assertThat(blocks.get(5).path()).isEqualTo("§ 7. (a) (2) (B)");
        assertThat(blocks.get(6).frames()).isEmpty();
        assertThat(blocks.get(0).heading()).isTrue();
    }

    @Test
    void aSectionHeadingThatCarriesItsFirstItemLetsTheSecondItemStandAlone() {
        String text = """
                67.307. 1. As used in this section, the following terms mean:
                (1) "Sanctuary policy", any order that:
                (a) limits cooperation with federal agencies.
                2. No municipality shall enact or adopt any sanctuary policy.
                """;
        List<Segmenter.Block> blocks = Segmenter.blocks(text);
        Segmenter.Block second = blocks.get(blocks.size() - 1);
        assertThat(second.label()).isEqualTo("2.");
        assertThat(second.frames()).isEmpty();
        assertThat(blocks.get(2).frames()).hasSize(2);
    }

    @Test
    void romanNumeralsThatContinueALetterListAreLetters() {
        String text = "(h) eighth item;\n(i) ninth item;\n(j) tenth item.\n";
        assertThat(Segmenter.blocks(text)).extracting(b -> b.kind()).containsOnly(Segmenter.Kind.PAREN_LOWER);
    }

    @Test
    void pageFurnitureIsBlankedAndASentenceReadsOnAcrossThePageBreak() {
        String text = "NO COUNTY, CITY OR ANY AGENCY THEREOF, INCLUDING A SHERIFF'S\n\n"
                + "  EXPLANATION--Matter in ITALICS (underscored) is new; matter in brackets\n"
                + "  [ ] is old law to be omitted.\n  LBD11364-01-3\n S. 6964  2\n\n"
                + "DEPARTMENT, SHALL ADOPT ANY POLICY PROHIBITING COMPLIANCE WITH A DETAINER.\n";
        String masked = Segmenter.maskPageFurniture(text);
        assertThat(masked).hasSameSizeAs(text).doesNotContain("EXPLANATION", "LBD11364");
        List<Segmenter.Block> blocks = Segmenter.blocks(masked);
        assertThat(blocks).hasSize(1);
        assertThat(body(text, blocks.get(0))).startsWith("NO COUNTY").endsWith("WITH A DETAINER.");
    }

    @Test
    void sentencesDoNotBreakAtCitationsAndAbbreviations() {
        String text = "Pursuant to 8 U.S.C. Sec. 1373 and Pub. L. 104-208, officers may share information. The Sheriff shall not.";
        assertThat(Sentences.split(text, 0, text.length())).hasSize(2);
        assertThat(Sentences.split(text, 0, text.length()).get(0)[1]).isEqualTo(text.indexOf(" The Sheriff"));
    }
}
