package dev.autogen.schema;

/**
 * Whether PostgreSQL checks a table's rows against its policies. With {@code enabled} alone, policies hold every role
 * except the table's owner (and superusers, and roles with {@code BYPASSRLS}); {@code forced} holds the owner too.
 * A table with row-level security enabled and no policy shows no rows to those it holds.
 *
 * @param enabled {@code ALTER TABLE … ENABLE ROW LEVEL SECURITY}
 * @param forced  {@code ALTER TABLE … FORCE ROW LEVEL SECURITY}; only meaningful when enabled, but kept either way
 *                because PostgreSQL keeps it
 */
public record RowLevelSecurity(boolean enabled, boolean forced) {

    /** No row-level security: what every table has until it is turned on, and all SQLite knows. */
    public static final RowLevelSecurity NONE = new RowLevelSecurity(false, false);

    /** Enabled, forced (the owner is held too) unless {@code force} is false. */
    public static RowLevelSecurity enabled(boolean force) {
        return new RowLevelSecurity(true, force);
    }
}
