package dev.autogen.spring.contract;

import static dev.autogen.dsl.Dsl.*;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;

/** Customers with a {@code fax} column the application no longer maps. */
@Revision(id = "c0ffee000001", message = "create customers")
public final class V0001_CreateCustomers implements Migration {
    @Override
    public void upgrade(SchemaChanges schema) {
        schema.createTable(table("customers")
                .column(column("id", uuid()))
                .column(column("name", varchar(100)))
                .column(column("phone", varchar(20)).nullable())
                .column(column("fax", varchar(20)).nullable())
                .primaryKey("pk_customers", "id"));
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        schema.dropTable(table("customers")
                .column(column("id", uuid()))
                .column(column("name", varchar(100)))
                .column(column("phone", varchar(20)).nullable())
                .column(column("fax", varchar(20)).nullable())
                .primaryKey("pk_customers", "id"));
    }
}
