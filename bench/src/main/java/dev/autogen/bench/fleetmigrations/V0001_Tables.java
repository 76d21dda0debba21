package dev.autogen.bench.fleetmigrations;

import static dev.autogen.dsl.Dsl.bigint;
import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.Dsl.varchar;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;

/** The fleet benchmark's tenant schema: {@value #TABLES} tables ({@code t01} to {@code t20}). */
@Revision(id = "f00000000001", message = "tenant tables")
public final class V0001_Tables implements Migration {
    public static final int TABLES = 20;

    @Override
    public void upgrade(SchemaChanges schema) {
        for (int t = 1; t <= TABLES; t++) {
            String name = "t%02d".formatted(t);
            schema.createTable(table(name).column(column("id", bigint())).column(column("name", varchar(100)))
                    .primaryKey("pk_" + name, "id"));
        }
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        for (int t = TABLES; t >= 1; t--) {
            schema.dropTable("t%02d".formatted(t));
        }
    }
}
