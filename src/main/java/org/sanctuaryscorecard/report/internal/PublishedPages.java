package org.sanctuaryscorecard.report.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.web.ContentCoding;
import org.springframework.stereotype.Component;

/**
 * The rendered scorecard pages of published assessments as people who are not signed in see them, kept in memory so
 * that the page is not made again for every reader (bench/load.sh, docs/performance.md).
 *
 * <p>A page is kept for one assessment at one revision in one language, with the other modules' notes it showed.
 * Every change to an assessment, a change of status included, makes a new revision, so a page found here under the
 * assessment's current revision is the page that would be made now; the caller checks that the assessment is
 * published and that the notes are still equal (notes that are not values with {@code equals} are never equal to
 * another call's, and such a page is then always made anew). Pages for a signed-in person are never kept: their header
 * shows who they are.
 *
 * <p>A page of {@link #GZIP_MIN_BYTES} or more is also kept gzipped, for readers whose browser accepts it, so that
 * it is not compressed again for each of them (the server compresses other answers of that size as they are sent:
 * {@code server.compression} in application.properties).
 *
 * <p>At most {@link #MAX_PAGES} pages and {@link #MAX_BYTES} bytes of HTML, gzipped copies included; the least
 * recently read go first.
 */
@Component
public class PublishedPages {

    public static final int MAX_PAGES = 1_000;
    public static final long MAX_BYTES = 32L * 1024 * 1024;
    /** As the server's own compression: {@code server.compression.min-response-size}, 2 KB by default. */
    public static final int GZIP_MIN_BYTES = 2048;

    /**
     * One kept page: the assessment as it was rendered (the same at this revision whenever it is read again) and the
     * notes that were rendered with it.
     */
    public record Page(long assessmentId, int revision, Locale locale, Assessment assessment, List<?> notes, byte[] html,
                       byte[] gzipped) {

        public Page {
            notes = List.copyOf(notes);
        }

        /** A page, gzipped too when it is {@link #GZIP_MIN_BYTES} or more. */
        public static Page of(long assessmentId, int revision, Locale locale, Assessment assessment, List<?> notes, byte[] html) {
            return new Page(assessmentId, revision, locale, assessment, notes, html,
                    html.length >= GZIP_MIN_BYTES ? ContentCoding.gzip(html) : null);
        }

        long size() {
            return html.length + (gzipped == null ? 0 : gzipped.length);
        }

        /** Whether this page is the one to show for the assessment at this revision, in this language, with these notes. */
        public boolean shows(int currentRevision, Locale currentLocale, List<?> currentNotes) {
            return revision == currentRevision && locale.equals(currentLocale) && notes.equals(currentNotes);
        }
    }

    private record Key(long assessmentId, Locale locale) {
    }

    private final Map<Key, Page> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** The page kept for this assessment at this revision in this language, if any (whatever its notes). */
    public synchronized Optional<Page> find(long assessmentId, int revision, Locale locale) {
        Page page = pages.get(new Key(assessmentId, locale));
        return page != null && page.revision() == revision ? Optional.of(page) : Optional.empty();
    }

    /** Keeps a page, in place of the one kept for the same assessment in the same language before. */
    public synchronized void keep(Page page) {
        Objects.requireNonNull(page);
        Page before = pages.put(new Key(page.assessmentId(), page.locale()), page);
        if (before != null) {
            bytes -= before.size();
        }
        bytes += page.size();
        Iterator<Page> oldest = pages.values().iterator();
        while ((pages.size() > MAX_PAGES || bytes > MAX_BYTES) && oldest.hasNext()) {
            Page gone = oldest.next();
            oldest.remove();
            bytes -= gone.size();
        }
    }

    /** How many pages are kept now. */
    public synchronized int size() {
        return pages.size();
    }
}
