package dev.autogen.migrate;

/**
 * Whether an upgrade to {@code head} or {@code heads} applies contract revisions ({@link Revision#contract()}). They
 * wait by default: a contract revision removes what the application version still running uses, so it runs only once
 * every instance is on the new version, when someone asks for it ({@code autogen upgrade --contract},
 * {@code autogen.contract=true} in the Spring Boot starter). An explicit target applies what it names either way.
 */
public enum ContractRevisions {
    /** Stop before the first contract revision and report that it waits. */
    WAIT,
    /** Apply contract revisions like any other. */
    APPLY
}
