package dev.autogen.generator.catalog;

import dev.autogen.migrate.VersionTables;
import dev.autogen.migrate.discovery.CacheDigest;
import dev.autogen.sql.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * A digest of everything in a database that a {@code check} reads: every catalog row the {@link CatalogReader}s read
 * (tables, columns, defaults, keys, constraints, indexes, sequences, enum types, comments, policies, row-level security
 * flags), for every user object and not just the schemas a check compares, plus the rows of autogen's version tables.
 * Two equal fingerprints mean the database cannot have changed in a way a check could see; any change made behind
 * autogen's back (an {@code alter table} by hand, a new index, a policy, an upgrade from elsewhere) changes it. It is
 * deliberately wider than the readers (a change in an unrelated schema changes it too): a needless difference only
 * costs a full check, a missed one would report a stale "in sync".
 *
 * <p>One statement on PostgreSQL, digested on the server so only 32 characters travel; on SQLite (a local file) the
 * text of {@code sqlite_master} and the version rows, digested here.
 *
 * <p>The two largest catalogs, {@code pg_attribute} (one row per column: 89 000 rows at 5 500 tables) and
 * {@code pg_constraint}, are digested by row version instead of content: each row's key and its {@code xmin}, the
 * transaction that wrote that version. PostgreSQL never changes a catalog row in place except for statistics and
 * freezing kept in {@code pg_class} and {@code pg_database}: every {@code alter table} that touches a column or a
 * constraint writes a new row version, whose {@code xmin} differs from the one it replaces, and a rolled-back change
 * leaves the old version, which is the truth. Printing a dozen fields of every column cost two fifths of the query
 * (0.25 s at 5 500 tables, against 0.16 s now), on every check, the in-sync one included. A needless difference
 * (a row rewritten with the same content) only costs a full check, as everywhere here.
 */
public final class CatalogFingerprint {
    /** PostgreSQL's first object id for user objects: everything below belongs to the system catalogs. */
    private static final String USER_OID = "16384";

    private static final String POSTGRES = "select md5(concat_ws(E'\\n', current_schema()"
            + ", (select string_agg(concat_ws(' ', n.oid, n.nspname), ',' order by n.oid) from pg_namespace n)"
            + ", (select string_agg(concat_ws(' ', c.oid, c.relname, c.relnamespace, c.relkind, c.relpersistence,"
            + " c.relrowsecurity, c.relforcerowsecurity, c.reloptions::text, c.reltype, c.relispartition), ','"
            + " order by c.oid) from pg_class c where c.oid >= " + USER_OID + ")"
            // columns and constraints by row version (see the class comment); user columns only: the system columns
            // (ctid, xmin...) are the same six in every table, and a table made anew has a new oid anyway
            + ", (select string_agg(concat_ws(' ', a.attrelid, a.attnum, a.xmin), ',' order by a.attrelid, a.attnum)"
            + " from pg_attribute a where a.attrelid >= " + USER_OID + " and a.attnum > 0)"
            + ", (select string_agg(concat_ws(' ', d.adrelid, d.adnum, d.adbin::text), ',' order by d.adrelid, d.adnum)"
            + " from pg_attrdef d)"
            + ", (select string_agg(concat_ws(' ', k.oid, k.xmin), ',' order by k.oid) from pg_constraint k"
            + " where k.oid >= " + USER_OID + ")"
            + ", (select string_agg(concat_ws(' ', i.indexrelid, i.indrelid, i.indisunique, i.indisprimary,"
            + " i.indimmediate, i.indisvalid, i.indkey::text, i.indoption::text, i.indclass::text,"
            + " i.indcollation::text, i.indexprs::text, i.indpred::text), ',' order by i.indexrelid)"
            + " from pg_index i where i.indexrelid >= " + USER_OID + ")"
            + ", (select string_agg(concat_ws(' ', s.seqrelid, s.seqtypid, s.seqstart, s.seqincrement, s.seqmax,"
            + " s.seqmin, s.seqcache, s.seqcycle), ',' order by s.seqrelid) from pg_sequence s)"
            + ", (select string_agg(concat_ws(' ', t.oid, t.typname, t.typnamespace, t.typtype, t.typbasetype,"
            + " t.typtypmod, t.typnotnull, t.typdefaultbin::text), ',' order by t.oid) from pg_type t"
            + " where t.oid >= " + USER_OID + ")"
            + ", (select string_agg(concat_ws(' ', e.enumtypid, e.enumsortorder, e.enumlabel), ','"
            + " order by e.enumtypid, e.enumsortorder) from pg_enum e)"
            + ", (select string_agg(concat_ws(' ', d.objoid, d.classoid, d.objsubid, d.description), ','"
            + " order by d.objoid, d.classoid, d.objsubid) from pg_description d where d.objoid >= " + USER_OID + ")"
            + ", (select string_agg(concat_ws(' ', d.objid, d.objsubid, d.refobjid, d.refobjsubid, d.deptype), ','"
            + " order by d.objid, d.objsubid, d.refobjid, d.refobjsubid) from pg_depend d"
            + " where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass"
            + " and d.objid >= " + USER_OID + ")"
            + ", (select string_agg(concat_ws(' ', p.oid, p.polname, p.polrelid, p.polcmd, p.polpermissive,"
            + " array(select r.rolname from pg_roles r where r.oid = any(p.polroles) order by r.rolname)::text,"
            + " p.polroles::text, p.polqual::text, p.polwithcheck::text), ',' order by p.oid) from pg_policy p)"
            // the version rows of every schema (a --schema check reads that schema's): dynamic, since they may not exist
            + ", (select string_agg(concat_ws(' ', c.oid, query_to_xml(format('select t::text from %I.%I t order by 1',"
            + " n.nspname, c.relname), false, false, '')::text), ',' order by c.oid) from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and c.relname in (?, ?))"
            + "))";

    private static final String SQLITE_MASTER = "select type, name, tbl_name, coalesce(sql, '') from sqlite_master"
            // SQLite's statistics (analyze) are no schema; its other own tables are kept, they cost nothing
            + " where name not like 'sqlite\\_stat%' escape '\\' order by type, name";

    private CatalogFingerprint() {
    }

    /** The fingerprint of the database behind {@code connection}: 32 hexadecimal digits or more. */
    public static String of(Connection connection, Dialect dialect) throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> postgres(connection);
            case SQLITE -> sqlite(connection);
            case MARIADB -> throw new SQLException("no catalog fingerprint on MariaDB yet: the full check runs");
        };
    }

    private static String postgres(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(POSTGRES)) {
            statement.setString(1, VersionTables.VERSION);
            statement.setString(2, VersionTables.HISTORY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String sqlite(Connection connection) throws SQLException {
        MessageDigest digest = CacheDigest.sha256();
        Set<String> versionTables = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQLITE_MASTER)) {
            while (rs.next()) {
                for (int column = 1; column <= 4; column++) {
                    CacheDigest.text(digest, rs.getString(column));
                }
                if ("table".equals(rs.getString(1)) && (VersionTables.VERSION.equals(rs.getString(2))
                        || VersionTables.HISTORY.equals(rs.getString(2)))) {
                    versionTables.add(rs.getString(2));
                }
            }
        }
        for (String table : versionTables) {
            rows(connection, digest, table);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Feeds every row of {@code table}, in a fixed order, column by column. */
    private static void rows(Connection connection, MessageDigest digest, String table) throws SQLException {
        CacheDigest.text(digest, table);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select * from \"" + table + "\" order by 1")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    String value = rs.getString(column);
                    CacheDigest.text(digest, value == null ? "\u0001null" : value);
                }
            }
        }
        digest.update("\n".getBytes(StandardCharsets.UTF_8));
    }
}
