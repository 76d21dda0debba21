package dev.autogen.sample;

/** Lifecycle of an {@link Agent}; stored by name. */
public enum AgentStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    RETIRED
}
