package dev.autogen.migrate.history;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.migrate.VersionTables;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.SqlText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The migrator's own tables: {@code autogen_version} (one row per current head) and {@code autogen_history} (one row
 * per revision applied or reverted). It works on the caller's connection and never commits, so the version row moves
 * in the same transaction as the revision's DDL.
 */
public final class VersionStore {
    private final Dialect dialect;
    /** The fleet's ledger this store keeps one tenant's rows in ({@link #inLedger}), or null: the schema's own tables. */
    private final TenantLedger ledger;
    /** The tenant schema whose rows this store reads and writes in {@link #ledger}; null without a ledger. */
    private final String tenant;
    /** The two tables, quoted (schema-qualified in a ledger). */
    private final String versionTable;
    private final String historyTable;
    /** {@code "tenant" = '...' and } in a ledger, else empty: every read and write of a ledger is one tenant's. */
    private final String tenantAnd;
    /** {@code "tenant", } and {@code '...', } in a ledger's inserts, else empty. */
    private final String tenantColumn;
    private final String tenantValue;
    private final String currentSql;
    private final String historySql;
    private final String insertHistorySql;

    public VersionStore(Dialect dialect) {
        this(dialect, null, null);
    }

    private VersionStore(Dialect dialect, TenantLedger ledger, String tenant) {
        this.dialect = dialect;
        this.ledger = ledger;
        this.tenant = tenant;
        if (ledger == null) {
            versionTable = quoteIdentifier(VersionTables.VERSION);
            historyTable = quoteIdentifier(VersionTables.HISTORY);
            tenantAnd = "";
            tenantColumn = "";
            tenantValue = "";
        } else {
            versionTable = ledger.versionTable();
            historyTable = ledger.historyTable();
            tenantAnd = quoteIdentifier("tenant") + " = " + TenantLedger.literal(tenant) + " and ";
            tenantColumn = quoteIdentifier("tenant") + ", ";
            tenantValue = TenantLedger.literal(tenant) + ", ";
        }
        currentSql = "select " + quoteIdentifier("revision") + " from " + versionTable + where()
                + " order by " + quoteIdentifier("revision");
        historySql = "select " + quoteIdentifier("id") + ", " + quoteIdentifier("revision")
                + ", " + quoteIdentifier("direction") + ", " + quoteIdentifier("checksum") + ", "
                + quoteIdentifier("applied_at") + ", " + quoteIdentifier("applied_by") + ", "
                + quoteIdentifier("duration_ms") + ", " + quoteIdentifier("success") + " from " + historyTable
                + where() + " order by " + quoteIdentifier("id");
        insertHistorySql = "insert into " + historyTable + " (" + tenantColumn + quoteIdentifier("revision") + ", "
                + quoteIdentifier("direction") + ", " + quoteIdentifier("checksum") + ", "
                + quoteIdentifier("applied_at") + ", " + quoteIdentifier("applied_by") + ", "
                + quoteIdentifier("duration_ms") + ", " + quoteIdentifier("success") + ") values (" + tenantValue
                + "?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * A store of tenant schema {@code tenant}'s rows in the fleet's {@code ledger} rather than in the schema's own
     * tables (PostgreSQL only).
     */
    public static VersionStore inLedger(TenantLedger ledger, String tenant) {
        return new VersionStore(Dialect.POSTGRESQL, ledger, tenant);
    }

    /** The ledger this store writes in, or null when it uses the schema's own tables. */
    public TenantLedger ledger() {
        return ledger;
    }

    /** {@code  where "tenant" = '...'} in a ledger, else empty. */
    private String where() {
        return tenantAnd.isEmpty() ? "" : " where " + tenantAnd.substring(0, tenantAnd.length() - " and ".length());
    }

    /** Whether {@code autogen_version} exists (read-only commands do not create it). */
    public boolean exists(Connection c) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "select to_regclass(?) is not null";
            case SQLITE -> "select count(*) > 0 from sqlite_master where type = 'table' and name = ?";
            case MARIADB -> "select count(*) > 0 from information_schema.tables where table_schema = database()"
                    + " and table_name = ?";
        };
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, dialect == Dialect.POSTGRESQL ? versionTable : VersionTables.VERSION);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Creates both tables when they are missing. */
    public void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) { // one round trip for both
                for (String sql : createTableSql()) {
                    st.addBatch(sql);
                }
                st.executeBatch();
                return;
            }
            for (String sql : createTableSql()) {
                st.execute(sql);
            }
        }
    }

    /**
     * The {@code create table if not exists} statements of both tables (offline scripts print them too); in a ledger,
     * the ledger's ({@link TenantLedger#createSql}).
     */
    public List<String> createTableSql() {
        if (ledger != null) {
            return ledger.createSql();
        }
        String id = switch (dialect) {
            case POSTGRESQL -> "bigint generated by default as identity primary key";
            case SQLITE -> "integer primary key";
            case MARIADB -> "bigint auto_increment primary key";
        };
        String timestamp = switch (dialect) {
            case POSTGRESQL -> "timestamp with time zone";
            case SQLITE -> "text";
            case MARIADB -> "datetime(6)";
        };
        return List.of("create table if not exists " + quoteIdentifier(VersionTables.VERSION) + " ("
                        + quoteIdentifier("revision") + " varchar(64) not null primary key)",
                "create table if not exists " + quoteIdentifier(VersionTables.HISTORY) + " ("
                        + quoteIdentifier("id") + " " + id + ", "
                        + quoteIdentifier("revision") + " varchar(64) not null, "
                        + quoteIdentifier("direction") + " varchar(16) not null, "
                        + quoteIdentifier("checksum") + " varchar(64) not null, "
                        + quoteIdentifier("applied_at") + " " + timestamp + " not null, "
                        + quoteIdentifier("applied_by") + " varchar(255) not null, "
                        + quoteIdentifier("duration_ms") + " bigint not null, "
                        + quoteIdentifier("success") + " boolean not null)");
    }

    /** The current heads, sorted; empty when nothing was ever applied. */
    public List<String> current(Connection c) throws SQLException {
        return exists(c) ? currentOfExisting(c) : List.of();
    }

    /** {@link #current} when the tables are known to exist (created under the migration lock): one round trip. */
    public List<String> currentOfExisting(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(currentSql())) {
            return currentRows(rs);
        }
    }

    /**
     * PostgreSQL: the condition under which the tables are missing ({@code to_regclass} of each), for a block that
     * creates them only then.
     */
    public String tablesMissingCondition() {
        return "to_regclass(" + literal(versionTable) + ") is null or to_regclass(" + literal(historyTable)
                + ") is null";
    }

    String currentSql() {
        return currentSql;
    }

    static List<String> currentRows(ResultSet rs) throws SQLException {
        List<String> heads = new ArrayList<>();
        while (rs.next()) {
            heads.add(rs.getString(1));
        }
        return List.copyOf(heads);
    }

    /**
     * Replaces the head rows {@code before} with {@code after} (only the difference is written; one head replaced by
     * another, the usual step along a branch, is one {@code update}, as in offline scripts).
     */
    public void moveHeads(Connection c, Collection<String> before, Collection<String> after) throws SQLException {
        var removed = new TreeSet<>(before);
        removed.removeAll(after);
        var added = new TreeSet<>(after);
        added.removeAll(before);
        if (removed.size() == 1 && added.size() == 1) {
            try (PreparedStatement update = c.prepareStatement("update " + versionTable + " set "
                    + quoteIdentifier("revision") + " = ? where " + tenantAnd + quoteIdentifier("revision") + " = ?")) {
                update.setString(1, added.first());
                update.setString(2, removed.first());
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            removed.clear(); // the row was not there: as before, only the new one is inserted
        }
        try (PreparedStatement delete = c.prepareStatement("delete from " + versionTable + " where " + tenantAnd
                + quoteIdentifier("revision") + " = ?");
             PreparedStatement insert = c.prepareStatement("insert into " + versionTable + " (" + tenantColumn
                     + quoteIdentifier("revision") + ") values (" + tenantValue + "?)")) {
            for (String id : removed) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            for (String id : added) {
                insert.setString(1, id);
                insert.executeUpdate();
            }
        }
    }

    /**
     * {@link #moveHeads} then {@link #record}, the bookkeeping of one revision: on PostgreSQL, when one head replaces
     * another (the usual step along a branch), in one round trip, a data-modifying {@code WITH} updating the version
     * row and inserting the history row; the rows written are those of the two calls.
     */
    public void moveHeadsAndRecord(Connection c, Collection<String> before, Collection<String> after, String revision,
            String direction, String checksum, Instant appliedAt, String appliedBy, long durationMs)
            throws SQLException {
        var removed = new TreeSet<>(before);
        removed.removeAll(after);
        var added = new TreeSet<>(after);
        added.removeAll(before);
        if (dialect != Dialect.POSTGRESQL || removed.size() != 1 || added.size() != 1) {
            moveHeads(c, before, after);
            record(c, revision, direction, checksum, appliedAt, appliedBy, durationMs);
            return;
        }
        String moved = quoteIdentifier("moved");
        try (PreparedStatement st = c.prepareStatement("with " + moved + " as (update " + versionTable + " set "
                + quoteIdentifier("revision") + " = ? where " + tenantAnd + quoteIdentifier("revision")
                + " = ? returning 1) " + insertHistorySql()
                + " returning (select count(*) from " + moved + ")")) {
            st.setString(1, added.first());
            st.setString(2, removed.first());
            setHistoryValues(st, 3, revision, direction, checksum, appliedAt, appliedBy, durationMs);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getLong(1) == 1) {
                    return;
                }
            }
        }
        moveHeads(c, List.of(), added); // the old head's row was not there: as moveHeads, only the new one is inserted
    }

    /**
     * {@link #moveHeadsAndRecord} as one PostgreSQL statement with its values written inline, so that the migrator can
     * send it in the same round trip as the revision's DDL ({@code RevisionRunner}): one round trip fewer per revision.
     * The duration is measured by the server, from the start of the revision's transaction to this statement. Values
     * are string literals in the {@code E'...'} form (quotes and backslashes doubled), which reads the same whatever
     * {@code standard_conforming_strings} says; the ids and checksum come from the migrations, the user name from the
     * JVM.
     */
    public String moveHeadsAndRecordSql(Collection<String> before, Collection<String> after, String revision,
            String direction, String checksum, Instant appliedAt, String appliedBy) {
        if (dialect != Dialect.POSTGRESQL) {
            throw new IllegalStateException("inline bookkeeping is PostgreSQL's");
        }
        var removed = new TreeSet<>(before);
        removed.removeAll(after);
        var added = new TreeSet<>(after);
        added.removeAll(before);
        String column = quoteIdentifier("revision");
        List<String> parts = new ArrayList<>();
        if (!removed.isEmpty()) {
            parts.add(quoteIdentifier("gone") + " as (delete from " + versionTable + " where " + tenantAnd + column
                    + " in (" + String.join(", ", removed.stream().map(VersionStore::literal).toList()) + "))");
        }
        if (!added.isEmpty()) {
            parts.add(quoteIdentifier("put") + " as (insert into " + versionTable + " (" + tenantColumn + column
                    + ") values " + String.join(", ", added.stream().map(id -> "(" + tenantValue + literal(id) + ")")
                    .toList()) + ")");
        }
        return (parts.isEmpty() ? "" : "with " + String.join(", ", parts) + " ")
                + insertHistorySql.substring(0, insertHistorySql.indexOf(" values ")) + " values (" + tenantValue
                + literal(revision) + ", " + literal(direction) + ", " + literal(checksum) + ", "
                + literal(isoInstant(appliedAt)) + "::timestamptz, " + literal(appliedBy)
                + ", (extract(epoch from clock_timestamp() - transaction_timestamp()) * 1000)::bigint, true)";
    }

    /**
     * {@code appliedAt} in ISO 8601 at UTC ({@code 2026-12-06T05:07:26.123456Z}; seconds and fraction left out when
     * zero, which PostgreSQL reads the same), written by {@link LocalDateTime#toString} rather than a
     * {@code DateTimeFormatter}: a fleet writes one per tenant schema, and the formatter was a third of building the
     * bookkeeping statement.
     */
    public static String isoInstant(Instant appliedAt) {
        return LocalDateTime.ofEpochSecond(appliedAt.getEpochSecond(), appliedAt.getNano(), ZoneOffset.UTC) + "Z";
    }

    /** A PostgreSQL string literal that means {@code value} whatever {@code standard_conforming_strings} is. */
    static String literal(String value) {
        return SqlText.of(Dialect.POSTGRESQL).literal(value);
    }

    private String insertHistorySql() {
        return insertHistorySql;
    }

    private void setHistoryValues(PreparedStatement st, int first, String revision, String direction,
            String checksum, Instant appliedAt, String appliedBy, long durationMs) throws SQLException {
        st.setString(first, revision);
        st.setString(first + 1, direction);
        st.setString(first + 2, checksum);
        switch (dialect) {
            case POSTGRESQL -> st.setObject(first + 3, OffsetDateTime.ofInstant(appliedAt, ZoneOffset.UTC));
            case SQLITE -> st.setString(first + 3, appliedAt.toString());
            case MARIADB -> st.setObject(first + 3, java.time.LocalDateTime.ofInstant(appliedAt, ZoneOffset.UTC));
        }
        st.setString(first + 4, appliedBy);
        st.setLong(first + 5, durationMs);
        st.setBoolean(first + 6, true);
    }

    /** Appends a history row. */
    public void record(Connection c, String revision, String direction, String checksum, Instant appliedAt,
            String appliedBy, long durationMs) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(insertHistorySql())) {
            setHistoryValues(st, 1, revision, direction, checksum, appliedAt, appliedBy, durationMs);
            st.executeUpdate();
        }
    }

    /** Every history row, oldest first; empty when nothing was ever applied. */
    public List<HistoryEntry> history(Connection c) throws SQLException {
        return exists(c) ? historyOfExisting(c) : List.of();
    }

    /** {@link #history} when the tables are known to exist (created under the migration lock): one round trip. */
    public List<HistoryEntry> historyOfExisting(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(historySql())) {
            return historyRows(rs);
        }
    }

    String historySql() {
        return historySql;
    }

    List<HistoryEntry> historyRows(ResultSet rs) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        while (rs.next()) {
            Instant at = switch (dialect) {
                case POSTGRESQL -> rs.getObject(5, OffsetDateTime.class).toInstant();
                case SQLITE -> Instant.parse(rs.getString(5));
                case MARIADB -> rs.getObject(5, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC);
            };
            entries.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), at,
                    rs.getString(6), rs.getLong(7), rs.getBoolean(8)));
        }
        return List.copyOf(entries);
    }

    /** The dialect whose SQL this store writes. */
    public Dialect dialect() {
        return dialect;
    }
}
