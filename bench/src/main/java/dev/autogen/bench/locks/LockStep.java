package dev.autogen.bench.locks;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.foreignKey;
import static dev.autogen.dsl.Dsl.text;

import dev.autogen.dsl.SchemaChanges;
import java.util.List;
import java.util.function.Consumer;

/**
 * One schema change of the lock benchmark (issue #10, section 5), written twice: as the plain statement a tool such
 * as Alembic writes for it ({@code naiveSql}), and as the operation an autogen migration holds, marked
 * {@code .online()} where it has an online form ({@code autogen}).
 */
record LockStep(String name, String naiveSql, Consumer<SchemaChanges> autogen) {

    /** The seven steps of the issue, in order; each later one assumes the earlier ones ran. */
    static List<LockStep> all() {
        return List.of(
                new LockStep("index accounts(owner_id)",
                        "create index ix_accounts_owner on accounts (owner_id)",
                        schema -> schema.createIndex("ix_accounts_owner", "accounts", "owner_id").online()),
                new LockStep("unique constraint accounts(email)",
                        "alter table accounts add constraint uq_accounts_email unique (email)",
                        schema -> schema.addUniqueConstraint("accounts", "uq_accounts_email", "email").online()),
                new LockStep("foreign key payments.account_id",
                        "alter table payments add constraint fk_payments_account foreign key (account_id)"
                                + " references accounts (id)",
                        schema -> schema.addForeignKey("payments", foreignKey("fk_payments_account", "account_id")
                                .references("accounts", "id")).online()),
                new LockStep("check accounts.amount >= 0",
                        "alter table accounts add constraint ck_accounts_amount check (amount >= 0)",
                        schema -> schema.addCheckConstraint("accounts", "ck_accounts_amount", "amount >= 0")
                                .online()),
                new LockStep("NOT NULL accounts.status",
                        "alter table accounts alter column status set not null",
                        schema -> schema.alterColumn("accounts", column("status", text()).nullable(),
                                column("status", text())).online()),
                new LockStep("column with a default",
                        "alter table accounts add column region text default 'eu' not null",
                        schema -> schema.addColumn("accounts", column("region", text()).defaultValue("'eu'"))),
                new LockStep("backfill accounts.note",
                        "update accounts set note = 'n' || id where note is null",
                        schema -> schema.backfill("accounts", "note = 'n' || id").where("note is null")
                                .batchSize(5_000)));
    }
}
