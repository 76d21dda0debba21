package dev.autogen.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL's catalog says about schema {@code public}, one readable line per fact, read straight from
 * {@code pg_catalog}: tables and their comments, columns in order (type, not null, default, identity, comment),
 * constraints as {@code pg_get_constraintdef} prints them, indexes as {@code pg_get_indexdef} prints them, and
 * sequences that are not owned by an identity column (their names follow the table, not the model).
 */
public final class PostgresCatalogSnapshot {
    private PostgresCatalogSnapshot() {
    }

    public static List<String> of(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        query(connection, """
                select 'table ' || c.relname || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' order by c.relname""", lines);
        query(connection, """
                select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || case when a.attnotnull then ' not null' else '' end
                       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                       || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
                       || coalesce(' comment ' || col_description(c.oid, a.attnum), '')
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
                order by c.relname, a.attnum""", lines);
        query(connection, """
                select 'constraint ' || c.relname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
                from pg_constraint con
                join pg_class c on c.oid = con.conrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' order by c.relname, con.conname""", lines);
        query(connection, """
                select 'index ' || tablename || '.' || indexname || ' ' || indexdef
                from pg_indexes where schemaname = 'public' order by tablename, indexname""", lines);
        query(connection, """
                select 'sequence ' || s.sequencename || ' start ' || s.start_value || ' increment ' || s.increment_by
                from pg_sequences s
                where s.schemaname = 'public' and not exists (
                    select 1 from pg_depend d join pg_class sc on sc.oid = d.objid
                    where sc.relname = s.sequencename and d.deptype = 'i')
                order by s.sequencename""", lines);
        return lines;
    }

    private static void query(Connection connection, String sql, List<String> lines) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
    }
}
