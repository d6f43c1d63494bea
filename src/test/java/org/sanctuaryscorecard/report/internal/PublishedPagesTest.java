package org.sanctuaryscorecard.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.web.ContentCoding;

class PublishedPagesTest {

    private static PublishedPages.Page page(long id, int revision, Locale locale, List<?> notes, int bytes) {
        return new PublishedPages.Page(id, revision, locale, null, notes, new byte[bytes], null);
    }

    @Test
    void aPageIsFoundOnlyForItsAssessmentRevisionAndLanguageAndShownOnlyWithEqualNotes() {
        PublishedPages pages = new PublishedPages();
        List<Object> notes = List.of(Map.of("q1", "reconciled by Rae"));
        pages.keep(page(7, 3, Locale.ENGLISH, notes, 10));

        assertThat(pages.find(7, 3, Locale.ENGLISH)).isPresent();
        assertThat(pages.find(7, 4, Locale.ENGLISH)).isEmpty();
        assertThat(pages.find(7, 2, Locale.ENGLISH)).isEmpty();
        assertThat(pages.find(8, 3, Locale.ENGLISH)).isEmpty();
        assertThat(pages.find(7, 3, Locale.FRENCH)).isEmpty();

        PublishedPages.Page kept = pages.find(7, 3, Locale.ENGLISH).orElseThrow();
        assertThat(kept.shows(3, Locale.ENGLISH, List.of(Map.of("q1", "reconciled by Rae")))).isTrue();
        assertThat(kept.shows(3, Locale.ENGLISH, List.of(Map.of("q1", "reconciled by Sam")))).isFalse();
        assertThat(kept.shows(3, Locale.ENGLISH, List.of())).isFalse();
        // Notes that are not values are never equal to another call's: their page is always made anew.
        PublishedPages.Page withObject = page(9, 1, Locale.ENGLISH, List.of(new Object()), 10);
        assertThat(withObject.shows(1, Locale.ENGLISH, List.of(new Object()))).isFalse();
    }

    @Test
    void aNewRevisionReplacesTheOldPageAndTheLeastRecentlyReadGoFirstBeyondTheLimits() {
        PublishedPages pages = new PublishedPages();
        pages.keep(page(1, 1, Locale.ENGLISH, List.of(), 100));
        pages.keep(page(1, 2, Locale.ENGLISH, List.of(), 100));
        assertThat(pages.size()).isEqualTo(1);
        assertThat(pages.find(1, 1, Locale.ENGLISH)).isEmpty();
        assertThat(pages.find(1, 2, Locale.ENGLISH)).isPresent();

        int big = (int) (PublishedPages.MAX_BYTES / 4) + 1;
        pages.keep(page(2, 1, Locale.ENGLISH, List.of(), big));
        pages.keep(page(3, 1, Locale.ENGLISH, List.of(), big));
        pages.keep(page(4, 1, Locale.ENGLISH, List.of(), big));
        pages.find(2, 1, Locale.ENGLISH); // read: 1 is now the least recently read
        pages.keep(page(5, 1, Locale.ENGLISH, List.of(), big));
        assertThat(pages.find(1, 2, Locale.ENGLISH)).isEmpty();
        assertThat(pages.find(3, 1, Locale.ENGLISH)).isEmpty();
        assertThat(pages.find(2, 1, Locale.ENGLISH)).isPresent();
        assertThat(pages.find(5, 1, Locale.ENGLISH)).isPresent();

        PublishedPages many = new PublishedPages();
        for (int i = 0; i <= PublishedPages.MAX_PAGES; i++) {
            many.keep(page(i, 1, Locale.ENGLISH, List.of(), 1));
        }
        assertThat(many.size()).isEqualTo(PublishedPages.MAX_PAGES);
        assertThat(many.find(0, 1, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void aPageOfTwoKilobytesOrMoreIsKeptGzippedTooForReadersWhoAcceptIt() throws Exception {
        byte[] small = "<p>short</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] large = "<p>Local law enforcement should refuse detainers.</p>\n".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(PublishedPages.Page.of(1, 1, Locale.ENGLISH, null, List.of(), small).gzipped()).isNull();
        byte[] gzipped = PublishedPages.Page.of(1, 1, Locale.ENGLISH, null, List.of(), large).gzipped();
        assertThat(gzipped.length).isLessThan(large.length / 4);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            assertThat(in.readAllBytes()).isEqualTo(large);
        }

        assertThat(ContentCoding.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(ContentCoding.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(ContentCoding.acceptsGzip("*")).isTrue();
        assertThat(ContentCoding.acceptsGzip("gzip;q=0, *")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;q=0.0")).isFalse();
        assertThat(ContentCoding.acceptsGzip("*;q=0")).isFalse();
        assertThat(ContentCoding.acceptsGzip("identity")).isFalse();
        assertThat(ContentCoding.acceptsGzip("deflate, br")).isFalse();
        assertThat(ContentCoding.acceptsGzip("")).isFalse();
        assertThat(ContentCoding.acceptsGzip(null)).isFalse();
    }
}
