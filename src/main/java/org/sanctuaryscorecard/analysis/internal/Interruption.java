package org.sanctuaryscorecard.analysis.internal;

import java.util.concurrent.CancellationException;

/**
 * Where a reading whose time is up stops. The waiting caller interrupts the worker thread; PDFBox, POI and jsoup never
 * look at interruption, so the readers call {@link #check()} in their loops (per PDF operator, per paragraph, per HTML
 * node, per block of unpacked bytes).
 */
public final class Interruption {

    private Interruption() {
    }

    /** @throws CancellationException if this thread was interrupted */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("text extraction stopped: its time was up");
        }
    }
}
