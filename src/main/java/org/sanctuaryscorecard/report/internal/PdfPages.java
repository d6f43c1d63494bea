package org.sanctuaryscorecard.report.internal;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Pages as PDF: the page's own template rendered to HTML, then to PDF. At most {@link #CONCURRENT} renders run at once
 * (a large one can take hundreds of megabytes); a request that cannot start within {@link #WAIT_SECONDS} gets a 503
 * asking to try again.
 */
@Component
public class PdfPages {

    /** Renders that may run at the same time. */
    public static final int CONCURRENT = 2;
    /** How long a request waits for its turn. */
    public static final int WAIT_SECONDS = 20;

    private final PageRenderer pages;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final Semaphore slots = new Semaphore(CONCURRENT, true);

    PdfPages(PageRenderer pages, PdfRenderer pdf, MessageSource messages) {
        this.pages = pages;
        this.pdf = pdf;
        this.messages = messages;
    }

    public byte[] render(String template, Map<String, Object> model, String title, HttpServletRequest request,
                         HttpServletResponse response) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ExplainedException(HttpStatus.SERVICE_UNAVAILABLE, "report.error.pdfBusy");
        }
        try {
            String html = pages.render(template, model, request, response);
            // the language of the text, as in <html lang>: the bundle's, not the request's
            return pdf.render(html, title, messages.getMessage("app.language", null, "en", LocaleContextHolder.getLocale()));
        } finally {
            slots.release();
        }
    }
}
