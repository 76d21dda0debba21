package db.migration;

import static dev.autogen.dsl.Dsl.*;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;

@Revision(id = "c0ffee000002", parent = "c0ffee000001", message = "add phone")
public final class V0002_AddPhone implements Migration {
    @Override
    public void upgrade(SchemaChanges schema) {
        schema.addColumn("customers", column("phone", varchar(20)).nullable());
        schema.createIndex("ix_customers_phone", "customers", "phone");
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        schema.dropIndex("ix_customers_phone", "customers", "phone");
        schema.dropColumn("customers", column("phone", varchar(20)).nullable());
    }
}
