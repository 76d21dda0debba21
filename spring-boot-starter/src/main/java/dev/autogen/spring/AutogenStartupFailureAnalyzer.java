package dev.autogen.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link AutogenStartupException}, however deep in bean-creation exceptions it is wrapped, into Spring Boot's
 * start-up failure report: what is wrong and what to do, instead of a stack trace to dig through.
 */
class AutogenStartupFailureAnalyzer extends AbstractFailureAnalyzer<AutogenStartupException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AutogenStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
