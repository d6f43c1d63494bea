package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 30-page policy manual as a word processor would print it (embedded font, running header and footer, hyphenated
 * line ends, paragraphs and lists): the text read back is the text written, word for word.
 */
class RealisticDocumentTest {

    private static final RealisticPolicy POLICY = new RealisticPolicy();

    private final TextExtractor extractor = new TextExtractor();

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void thePdfReadsBackWordForWord() {
        DocumentText read = extractor.extract("policy-428.pdf", POLICY.pdf());

        assertThat(read.pages()).hasSize(RealisticPolicy.PAGES);
        assertThat(words(read.text())).isEqualTo(words(POLICY.text()));
        assertThat(read.text()).doesNotContain("Policy Manual", "Policy 428", "Page 3 of 30");
        // every paragraph is on its own line(s): no paragraph was joined to the one before it
        for (String paragraph : POLICY.paragraphs()) {
            String start = paragraph.substring(0, Math.min(paragraph.length(), 30));
            assertThat("\n" + read.text()).contains("\n" + start);
        }
        // each page starts where its first line's text is
        for (DocumentText.Page page : read.pages()) {
            assertThat(read.pageAt(page.start())).isEqualTo(page.number());
        }
    }

    @Test
    void theSameTextReadsBackFromDocxAndHtml() {
        assertThat(extractor.extract("policy-428.docx", POLICY.docx()).text()).isEqualTo(POLICY.text());
        assertThat(words(extractor.extract("policy-428.html", POLICY.html()).text())).isEqualTo(words(POLICY.text()));
    }
}
