package dev.autogen.generator.review;

import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.List;

/**
 * A schema whose names try to break every format a review is written in: Mermaid (quotes, braces, a column called
 * {@code PK}), HTML (a script tag), Markdown (backticks, a closing {@code </details>}) and lines (a line break).
 * {@code orders} is tenant-isolated; {@code profiles} is one-to-one with it and optional.
 */
final class HostileSchema {
    /** A table name with a quote, a brace, a script tag and backticks. */
    static final String ORDERS = "ord\"]{<script>alert(1)</script>``x";
    /** A column name with a line break, a brace and a quote. */
    static final String NOTE = "no te\n}\" </details>";

    private HostileSchema() {
    }

    static Table tenants() {
        return new Table("tenants", List.of(Column.of("id", new ColumnType.BigInt(), false)),
                new PrimaryKey("pk_tenants", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
    }

    static Table orders() {
        return new Table(ORDERS, List.of(Column.of("id", new ColumnType.BigInt(), false),
                Column.of("tenant_id", new ColumnType.BigInt(), false),
                Column.of("PK", new ColumnType.Varchar(20), true),
                Column.of(NOTE, new ColumnType.Numeric(12, 4), true)),
                new PrimaryKey("pk_orders", List.of("id")), List.of(),
                List.of(new ForeignKey("fk_orders_tenant", List.of("tenant_id"), "tenants", List.of("id"),
                        ReferentialAction.NO_ACTION)), List.of(), List.of(), "a comment with `code` and <b>")
                .withPolicies(List.of(new Policy("tenant_isolation", PolicyCommand.ALL, List.of(),
                        "tenant_id = current_setting('app.tenant')::bigint", null)));
    }

    static Table profiles() {
        return new Table("profiles", List.of(Column.of("id", new ColumnType.BigInt(), false),
                Column.of("order_id", new ColumnType.BigInt(), true)),
                new PrimaryKey("pk_profiles", List.of("id")),
                List.of(new UniqueConstraint("uq_profiles_order", List.of("order_id"))),
                List.of(new ForeignKey("fk_profiles_order", List.of("order_id"), ORDERS, List.of("id"),
                        ReferentialAction.CASCADE)), List.of(), List.of(), null);
    }

    static Schema schema() {
        return new Schema(List.of(tenants(), orders(), profiles()), List.of());
    }
}
