package org.sanctuaryscorecard.framework.internal;

import org.sanctuaryscorecard.framework.FrameworkException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad framework file into one readable start-up message instead of a stack trace. */
class FrameworkFailureAnalyzer extends AbstractFailureAnalyzer<FrameworkException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FrameworkException cause) {
        return new FailureAnalysis(
                "The framework file cannot be used.\n\n    " + cause.getMessage(),
                "Correct the file named above, or set scorecard.framework.location to a valid copy "
                        + "(the shipped one is classpath:framework/toolkit.yaml), then start again.",
                cause);
    }
}
