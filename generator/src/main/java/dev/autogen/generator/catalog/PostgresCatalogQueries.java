package dev.autogen.generator.catalog;

/**
 * The bulk {@code pg_catalog} queries of {@link PostgresCatalogReader}: one per object kind for the whole schema,
 * each taking two parameters: the default schema's name (null: {@code current_schema()}) and the other schemas to
 * read, as a {@code text[]} (empty for none); {@link #ENUM_TYPES} takes only the first: named enum types are read
 * from the default schema only.
 *
 * <p>They are written for a thousand tables (issue #6): comments come from joins with {@code pg_description}
 * rather than {@code obj_description}/{@code col_description} (one index probe per row), a constraint's own key
 * columns come back as numbers that the reader resolves with the columns it has just read (instead of a subquery
 * per constraint), and {@code pg_get_constraintdef}, which deparses, runs for check constraints only. At 1 100
 * tables this halves the server's time for the column and constraint queries.
 *
 * <p>Rows come grouped by table in the order of the table's oid, not its name: the reader files each row under its
 * table and needs only each table's rows together and in order (columns by number, constraints, indexes and
 * policies by name), and sorting 89 000 column rows by a computed name cost the column query 40 % of its time at
 * 5 500 tables (0.23 s against 0.13 s; the sort also spilled to disk).
 */
final class PostgresCatalogQueries {
    /**
     * Ordinary and partitioned tables of the default schema (parameter 1, null: {@code current_schema()}) and of the
     * other schemas named in parameter 2 (a {@code text[]}); no views, partitions or temporary tables. {@code relname}
     * is the table's name as the schema model keeps it: its own name in the default schema, {@code schema.name}
     * elsewhere ({@link dev.autogen.schema.QualifiedName}); a table whose own name contains a dot is left out (it
     * would read as qualified).
     */
    private static final String TABLES_CTE = """
            with d as (select coalesce(?::text, current_schema()) as name, ?::text[] as others),
            t as (
              select c.oid, case when n.nspname = d.name then c.relname::text
                                 else n.nspname || '.' || c.relname end as relname,
                     c.relrowsecurity, c.relforcerowsecurity
              from pg_class c join pg_namespace n on n.oid = c.relnamespace cross join d
              where (n.nspname = d.name or n.nspname = any(d.others)) and c.relkind in ('r', 'p')
                and not c.relispartition and c.relpersistence <> 't' and strpos(c.relname, '.') = 0)
            """;

    static final String TABLES = TABLES_CTE + """
            select t.relname, ds.description, t.relrowsecurity, t.relforcerowsecurity
            from t left join pg_description ds
                   on ds.objoid = t.oid and ds.classoid = 'pg_class'::regclass and ds.objsubid = 0
            order by t.relname
            """;

    /**
     * Row-level security policies: command ({@code *}, {@code r}, {@code a}, {@code w}, {@code d}), role names
     * ({@code public} for role 0), and the {@code USING} and {@code WITH CHECK} expressions as PostgreSQL prints them.
     */
    static final String POLICIES = TABLES_CTE + """
            select t.relname, p.polname, p.polcmd, p.polpermissive,
                   array(select case when r = 0 then 'public' else (select rolname from pg_roles where oid = r) end
                         from unnest(p.polroles) r order by 1)::text[],
                   pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
            from t join pg_policy p on p.polrelid = t.oid
            order by p.polrelid, p.polname
            """;

    /** Columns in table order, with their number ({@code attnum}), which {@link #CONSTRAINTS} refers to. */
    static final String COLUMNS = TABLES_CTE + """
            select t.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, ds.description, a.attgenerated, a.attnum
            from t join pg_attribute a on a.attrelid = t.oid
                   left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                   left join pg_description ds
                          on ds.objoid = a.attrelid and ds.classoid = 'pg_class'::regclass and ds.objsubid = a.attnum
            where a.attnum > 0 and not a.attisdropped
            order by a.attrelid, a.attnum
            """;

    /**
     * Primary keys, uniques, foreign keys and checks. The key columns come as {@code attnum} arrays in key order
     * ({@code conkey}, and {@code confkey} for a foreign key), resolved by the reader with the columns of
     * {@link #COLUMNS}; only a foreign key to a table outside those (another schema, a partition), whose columns the
     * reader has not read, gets its referenced column names here (column 9). The definition (column 8) is read for checks only.
     */
    static final String CONSTRAINTS = TABLES_CTE + """
            select t.relname, con.conname, con.contype, con.conkey,
                   case when rn.nspname = (select name from d) then r.relname::text
                        else rn.nspname || '.' || r.relname end,
                   con.confkey, con.confdeltype,
                   case when con.contype = 'c' then pg_get_constraintdef(con.oid) end,
                   case when con.contype = 'f' and con.confrelid not in (select t2.oid from t t2) then
                     array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
                           join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord)
                   end
            from t join pg_constraint con on con.conrelid = t.oid
                   left join pg_class r on r.oid = con.confrelid
                   left join pg_namespace rn on rn.oid = r.relnamespace
            where con.contype in ('p', 'u', 'f', 'c')
            order by con.conrelid, con.conname
            """;

    /**
     * Indexes that no constraint owns, one row per key column, the column as its number ({@code attnum}, 0 for an
     * expression), named by the reader with the columns of {@link #COLUMNS} (a join with {@code pg_attribute} here
     * would hash the whole of it).
     */
    static final String INDEXES = TABLES_CTE + """
            select t.relname, ic.relname, i.indisunique, i.indkey[k.ord - 1], (i.indoption[k.ord - 1] & 1) = 1
            from t join pg_index i on i.indrelid = t.oid
                   join pg_class ic on ic.oid = i.indexrelid
                   cross join lateral generate_series(1, i.indnkeyatts) k(ord)
            where not exists (select 1 from pg_constraint con
                              where con.conindid = i.indexrelid and con.conrelid = t.oid
                                and con.contype in ('p', 'u', 'x'))
            order by i.indrelid, ic.relname, k.ord
            """;

    /**
     * Sequences of the same schemas as {@link #TABLES_CTE} (same parameters, same naming), with the table that owns
     * one (serial: 'a', identity: 'i'), if any.
     */
    static final String SEQUENCES = """
            with d as (select coalesce(?::text, current_schema()) as name, ?::text[] as others)
            select case when n.nspname = d.name then c.relname::text else n.nspname || '.' || c.relname end,
                   s.seqstart, s.seqincrement,
                   (select o.relname from pg_depend dep join pg_class o on o.oid = dep.refobjid
                    where dep.classid = 'pg_class'::regclass and dep.objid = c.oid
                      and dep.refclassid = 'pg_class'::regclass and dep.deptype in ('a', 'i') limit 1),
                   exists (select 1 from pg_depend dep where dep.classid = 'pg_class'::regclass and dep.objid = c.oid
                           and dep.deptype = 'i')
            from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
                 cross join d
            where (n.nspname = d.name or n.nspname = any(d.others)) and strpos(c.relname, '.') = 0
            order by 1
            """;

    /** Named enum types of the schema, with their values in PostgreSQL's order. */
    static final String ENUM_TYPES = """
            select t.typname, array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid
                                    order by e.enumsortorder)::text[]
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
            where n.nspname = coalesce(?::text, current_schema()) and t.typtype = 'e'
            order by t.typname
            """;

    private PostgresCatalogQueries() {
    }
}
