package dev.autogen.sql.postgres;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.op.AlterEnumType;
import dev.autogen.schema.EnumType;
import dev.autogen.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL DDL of named enum types. Adding values is {@code alter type ... add value ... before/after}, which
 * PostgreSQL 12 and later run inside a transaction block (older ones refuse), but a value added in a transaction
 * cannot be used (stored, or cast to in a default) before that transaction commits: a revision that adds a value
 * and uses it must be split in two. Anything else (a removed or reordered value) rebuilds the type, see
 * {@link AlterEnumType}.
 */
final class PostgresEnumDdl {
    private static final String DOLLAR_TAG = "$autogen$";

    private PostgresEnumDdl() {
    }

    static String create(EnumType type) {
        return "create type " + quoteIdentifier(type.name()) + " as enum "
                + type.values().stream().map(PostgresTableDdl::literal).collect(Collectors.joining(", ", "(", ")"));
    }

    static String drop(String name) {
        return "drop type " + quoteIdentifier(name);
    }

    static List<Statement> alter(AlterEnumType op) {
        return op.onlyAddsValues() ? addValues(op.enumType(), op.previous().values()) : rebuild(op.enumType());
    }

    /**
     * Each added value, in the new order, after its predecessor (which exists by then) or, when it comes first,
     * before the first previous value.
     */
    private static List<Statement> addValues(EnumType type, List<String> previous) {
        List<Statement> statements = new ArrayList<>();
        List<String> values = type.values();
        for (int at = 0; at < values.size(); at++) {
            String value = values.get(at);
            if (previous.contains(value)) {
                continue;
            }
            String position = at > 0 ? " after " + PostgresTableDdl.literal(values.get(at - 1))
                    : previous.isEmpty() ? "" : " before " + PostgresTableDdl.literal(previous.getFirst());
            statements.add(Statement.of("alter type " + quoteIdentifier(type.name()) + " add value "
                    + PostgresTableDdl.literal(value) + position));
        }
        return statements;
    }

    /**
     * Renames the type away, creates it anew, converts every column of the old type through {@code text} (and every
     * array column of it through {@code text[]}) and drops the old type. A column's default is dropped before its
     * conversion (PostgreSQL cannot cast it from one enum type to the other) and set again after it, with the old
     * type's name replaced by the new one; a default that holds a removed value then fails, as a row would. The
     * columns are found when the statement runs (a {@code DO} block over {@code pg_attribute}), because the renderer
     * does not get the live schema on PostgreSQL.
     */
    private static List<Statement> rebuild(EnumType type) {
        String old = type.name() + "_autogen_old";
        String newType = quoteIdentifier(type.name()).replace("'", "''");
        String oldRegtype = PostgresTableDdl.literal(quoteIdentifier(old)) + "::regtype";
        String newRegtype = PostgresTableDdl.literal(quoteIdentifier(type.name())) + "::regtype";
        String body = """
                declare c record;
                begin
                  for c in select n.nspname, r.relname, a.attname, a.atttypid = %1$s as scalar,
                                  pg_get_expr(d.adbin, d.adrelid) as def
                           from pg_attribute a join pg_class r on r.oid = a.attrelid
                                join pg_namespace n on n.oid = r.relnamespace
                                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                           where a.atttypid in (%1$s, (select typarray from pg_type where oid = %1$s))
                             and a.attnum > 0 and not a.attisdropped and r.relkind in ('r', 'p')
                           order by 1, 2, 3 loop
                    if c.def is not null then
                      execute format('alter table %%I.%%I alter column %%I drop default',
                                     c.nspname, c.relname, c.attname);
                    end if;
                    if c.scalar then
                      execute format('alter table %%I.%%I alter column %%I type %3$s using %%I::text::%3$s',
                                     c.nspname, c.relname, c.attname, c.attname);
                    else
                      execute format('alter table %%I.%%I alter column %%I type %3$s[] using %%I::text[]::%3$s[]',
                                     c.nspname, c.relname, c.attname, c.attname);
                    end if;
                    if c.def is not null then
                      execute format('alter table %%I.%%I alter column %%I set default %%s',
                                     c.nspname, c.relname, c.attname,
                                     replace(c.def, format_type(%1$s, null), format_type(%2$s, null)));
                    end if;
                  end loop;
                end
                """.formatted(oldRegtype, newRegtype, newType);
        if (body.contains(DOLLAR_TAG)) {
            throw new IllegalArgumentException("enum type name " + type.name() + " contains " + DOLLAR_TAG);
        }
        return List.of(
                Statement.of("alter type " + quoteIdentifier(type.name()) + " rename to " + quoteIdentifier(old)),
                Statement.of(create(type)),
                Statement.of("do " + DOLLAR_TAG + "\n" + body + DOLLAR_TAG),
                Statement.of(drop(old)));
    }
}
