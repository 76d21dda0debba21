package dev.autogen.spring.contract;

import static dev.autogen.dsl.Dsl.*;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;

/** The contract half: drops the column the previous application version still used. */
@Revision(id = "c0ffee00000f", parent = "c0ffee000001", message = "drop fax", contract = true)
public final class V0002_DropFax implements Migration {
    @Override
    public void upgrade(SchemaChanges schema) {
        schema.dropColumn("customers", column("fax", varchar(20)).nullable());
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        schema.addColumn("customers", column("fax", varchar(20)).nullable());
    }
}
