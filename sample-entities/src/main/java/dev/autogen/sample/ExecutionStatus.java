package dev.autogen.sample;

/** Lifecycle of an {@link Execution}; stored by name. */
public enum ExecutionStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
}
