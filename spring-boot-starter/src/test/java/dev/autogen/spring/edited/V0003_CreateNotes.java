package dev.autogen.spring.edited;

import static dev.autogen.dsl.Dsl.*;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;

/** A new revision after the edited one: refusing to start must leave it unapplied. */
@Revision(id = "c0ffee000003", parent = "c0ffee000002", message = "create notes")
public final class V0003_CreateNotes implements Migration {
    @Override
    public void upgrade(SchemaChanges schema) {
        schema.createTable(table("notes").column(column("id", bigint())).primaryKey("pk_notes", "id"));
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        schema.dropTable(table("notes").column(column("id", bigint())).primaryKey("pk_notes", "id"));
    }
}
