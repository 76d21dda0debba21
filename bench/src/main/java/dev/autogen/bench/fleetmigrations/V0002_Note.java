package dev.autogen.bench.fleetmigrations;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.varchar;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;

/** The revision the fleet benchmark rolls out: an added column and its index ({@link #DDL}, what psql runs). */
@Revision(id = "f00000000002", parent = "f00000000001", message = "note")
public final class V0002_Note implements Migration {
    public static final String DDL = "alter table t01 add column note varchar(200); create index ix_t01_note on t01"
            + " (note);";

    @Override
    public void upgrade(SchemaChanges schema) {
        schema.addColumn("t01", column("note", varchar(200)).nullable());
        schema.createIndex("ix_t01_note", "t01", "note");
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        schema.dropIndex("ix_t01_note", "t01", "note");
        schema.dropColumn("t01", "note");
    }
}
