package org.sanctuaryscorecard.report.internal;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J, under its own logger names ({@code com.openhtmltopdf.load}, ...). Left alone,
 * openhtmltopdf writes to its own console handler, past the application's logging, and about sixty lines per page:
 * a line for each CSS feature it does not know (custom properties, flex, grid: scorecard.css is written for
 * browsers). Those go to DEBUG here, as do its INFO lines; its other warnings stay warnings.
 */
final class OpenHtmlToPdfLogging implements XRLogger {

    private static volatile boolean installed;

    private OpenHtmlToPdfLogging() {
    }

    /** Replaces openhtmltopdf's logger, once per JVM (it is a static setting of the library). */
    static void install() {
        if (!installed) {
            synchronized (OpenHtmlToPdfLogging.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
                    installed = true;
                }
            }
        }
    }

    private enum Slf4jLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    private static Slf4jLevel map(String where, Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return Slf4jLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return XRLog.CSS_PARSE.equals(where) ? Slf4jLevel.DEBUG : Slf4jLevel.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return Slf4jLevel.DEBUG;
        }
        return Slf4jLevel.TRACE;
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        switch (map(where, level)) {
            case ERROR -> logger.error(message, error);
            case WARN -> logger.warn(message, error);
            case INFO -> logger.info(message, error);
            case DEBUG -> logger.debug(message, error);
            case TRACE -> logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String where, Level level) {
        // levels are the application's logging configuration's business
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        String where = diagnostic.getLogMessageId().getWhere();
        Logger logger = LoggerFactory.getLogger(where);
        return switch (map(where, diagnostic.getLevel())) {
            case ERROR -> logger.isErrorEnabled();
            case WARN -> logger.isWarnEnabled();
            case INFO -> logger.isInfoEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case TRACE -> logger.isTraceEnabled();
        };
    }
}
