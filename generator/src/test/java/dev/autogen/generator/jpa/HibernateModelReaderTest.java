package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema the sample entities and the odd-case fixtures imply, read for PostgreSQL and for SQLite. */
class HibernateModelReaderTest {

    static final String SAMPLE = "dev.autogen.sample";
    static final String FIXTURES = "dev.autogen.generator.jpa.fixtures.odd";

    static final ColumnType UUID = new ColumnType.Uuid();
    static final ColumnType TIMESTAMPTZ = new ColumnType.Timestamp(6, true);

    static Schema samplePg;
    static Schema sampleSqlite;
    static Schema fixturesPg;
    static Schema fixturesSqlite;

    @BeforeAll
    static void read() {
        samplePg = HibernateModelReader.read(List.of(), List.of(SAMPLE), Dialect.POSTGRESQL);
        sampleSqlite = HibernateModelReader.read(List.of(), List.of(SAMPLE), Dialect.SQLITE);
        fixturesPg = HibernateModelReader.read(List.of(), List.of(FIXTURES), Dialect.POSTGRESQL);
        fixturesSqlite = HibernateModelReader.read(List.of(), List.of(FIXTURES), Dialect.SQLITE);
    }

    private static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema));
    }

    @Test
    void theSampleModelHasItsSixTablesAndNoSequences() {
        assertEquals(List.of("agents", "executions", "organizations", "tenants", "user_identities", "users"),
                samplePg.tables().stream().map(Table::name).toList());
        assertEquals(List.of(), samplePg.sequences());
    }

    @Test
    void oneMigrationServesBothDatabases_theSampleSchemaIsTheSameForPostgresAndSqlite() {
        assertEquals(samplePg, sampleSqlite);
    }

    @Test
    void tenants() {
        Table expected = Table.of("tenants", List.of(
                        Column.of("id", UUID, false),
                        Column.of("created_at", TIMESTAMPTZ, false),
                        Column.of("name", new ColumnType.Varchar(200), false),
                        Column.of("slug", new ColumnType.Varchar(63), false)))
                .withPrimaryKey(new PrimaryKey("pk_tenants", List.of("id")))
                // @Column(unique = true) has no UniqueKey in the boot model, only Column.isUnique()
                .withUniqueConstraints(List.of(new UniqueConstraint("uq_tenants_slug", List.of("slug"))));

        assertEquals(expected, table(samplePg, "tenants"));
    }

    @Test
    void users() {
        Table expected = Table.of("users", List.of(
                        Column.of("id", UUID, false),
                        Column.of("created_at", TIMESTAMPTZ, false),
                        Column.of("display_name", new ColumnType.Varchar(200), true),
                        Column.of("email", new ColumnType.Varchar(320), false),
                        Column.of("phone", new ColumnType.Varchar(16), true),
                        Column.of("username", new ColumnType.Varchar(64), false),
                        Column.of("organization_id", UUID, true),
                        Column.of("tenant_id", UUID, false)))
                .withPrimaryKey(new PrimaryKey("pk_users", List.of("id")))
                .withUniqueConstraints(List.of(
                        new UniqueConstraint("uq_users_email", List.of("email")),
                        new UniqueConstraint("uq_users_username", List.of("username"))))
                // Hibernate's hashed FK… names are replaced by the convention
                .withForeignKeys(List.of(
                        new ForeignKey("fk_users_organization_id_organizations", List.of("organization_id"),
                                "organizations", List.of("id"), ReferentialAction.NO_ACTION),
                        new ForeignKey("fk_users_tenant_id_tenants", List.of("tenant_id"), "tenants", List.of("id"),
                                ReferentialAction.NO_ACTION)))
                .withIndexes(List.of(
                        new Index("ix_users_phone", List.of(IndexColumn.asc("phone")), false),
                        new Index("ix_users_tenant_id_created_at",
                                List.of(IndexColumn.asc("tenant_id"), IndexColumn.asc("created_at")), false)));

        assertEquals(expected, table(samplePg, "users"));
    }

    @Test
    void userIdentitiesCascadeWithTheirUser() {
        Table expected = Table.of("user_identities", List.of(
                        Column.of("id", UUID, false),
                        Column.of("provider", new ColumnType.Varchar(32), false),
                        Column.of("provider_user_id", new ColumnType.Varchar(255), false),
                        Column.of("user_id", UUID, false)))
                // Hibernate calls this key user_identitiPK (cut short); the convention does not
                .withPrimaryKey(new PrimaryKey("pk_user_identities", List.of("id")))
                .withUniqueConstraints(List.of(new UniqueConstraint("uq_user_identities_provider_provider_user_id",
                        List.of("provider", "provider_user_id"))))
                .withForeignKeys(List.of(new ForeignKey("fk_user_identities_user_id_users", List.of("user_id"),
                        "users", List.of("id"), ReferentialAction.CASCADE)));

        assertEquals(expected, table(samplePg, "user_identities"));
    }

    @Test
    void organizationsAreUniquePerTenant() {
        Table organizations = table(samplePg, "organizations");

        assertEquals(List.of(new UniqueConstraint("uq_organizations_tenant_id_name", List.of("tenant_id", "name"))),
                organizations.uniqueConstraints());
        assertEquals(List.of("id", "name", "tenant_id"), organizations.columns().stream().map(Column::name).toList());
    }

    @Test
    void agentsHaveJsonbConfigAnEnumCheckAndADefault() {
        Table agents = table(samplePg, "agents");

        assertEquals(List.of(
                Column.of("id", UUID, false),
                Column.of("config", new ColumnType.Json(true), true),
                Column.of("deleted_at", TIMESTAMPTZ, true),
                Column.of("name", new ColumnType.Varchar(200), false),
                new Column("status", new ColumnType.Varchar(16), false, "'DRAFT'", false, null),
                Column.of("tenant_id", UUID, false)), agents.columns());
        // the check Hibernate generates for @Enumerated(STRING), in its own words
        assertEquals(List.of(new CheckConstraint("ck_agents_status",
                "status in ('DRAFT','ACTIVE','PAUSED','RETIRED')")), agents.checks());
    }

    @Test
    void executionsHaveANumericCostAndTwoForeignKeys() {
        Table executions = table(samplePg, "executions");

        assertEquals(new ColumnType.Numeric(12, 4), executions.column("cost").orElseThrow().type());
        assertEquals(List.of("fk_executions_agent_id_agents", "fk_executions_tenant_id_tenants"),
                executions.foreignKeys().stream().map(ForeignKey::name).toList());
        assertEquals(List.of(new CheckConstraint("ck_executions_status",
                "status in ('QUEUED','RUNNING','SUCCEEDED','FAILED','CANCELLED')")), executions.checks());
    }

    @Test
    void aCompositeIdClassKeyPutsTheKeyColumnsFirst() {
        Table expected = Table.of("order_line", List.of(
                        Column.of("order_no", new ColumnType.BigInt(), false),
                        Column.of("line_no", new ColumnType.IntegerType(), false),
                        Column.of("quantity", new ColumnType.IntegerType(), false)))
                // the key's columns in the order Hibernate's own export creates them (fixed-size types first)
                .withPrimaryKey(new PrimaryKey("pk_order_line", List.of("line_no", "order_no")));

        assertEquals(expected, table(fixturesPg, "order_line"));
    }

    @Test
    void aManyToManyJoinTableKeepsTheUserNamedForeignKeyAndNamesTheOther() {
        Table expected = Table.of("article_tag", List.of(
                        Column.of("article_site", new ColumnType.Varchar(20), false),
                        Column.of("article_slug", new ColumnType.Varchar(80), false),
                        Column.of("tag_id", new ColumnType.IntegerType(), false)))
                // the key's columns in the order Hibernate's own export creates them (fixed-size types first)
                .withPrimaryKey(new PrimaryKey("pk_article_tag", List.of("tag_id", "article_site", "article_slug")))
                .withForeignKeys(List.of(
                        // @ForeignKey(name = "fk_article_tag_article") on a key to an @EmbeddedId
                        new ForeignKey("fk_article_tag_article", List.of("article_site", "article_slug"), "article",
                                List.of("site", "slug"), ReferentialAction.NO_ACTION),
                        new ForeignKey("fk_article_tag_tag_id_tag", List.of("tag_id"), "tag", List.of("id"),
                                ReferentialAction.NO_ACTION)));

        assertEquals(expected, table(fixturesPg, "article_tag"));
    }

    @Test
    void anExplicitColumnDefinitionIsParsed() {
        assertEquals(new ColumnType.Text(), table(fixturesPg, "article").column("title").orElseThrow().type());
    }

    @Test
    void anIdentityColumnIsMarked() {
        assertEquals(new Column("id", new ColumnType.IntegerType(), false, null, true, null),
                table(fixturesPg, "tag").column("id").orElseThrow());
    }

    @Test
    void aQuotedTableKeepsItsCaseAndEverythingElseOfTheOddOrder() {
        Table expected = new Table("Order", List.of(
                Column.of("id", new ColumnType.BigInt(), false),
                new Column("customer_ref", new ColumnType.Varchar(40), true, null, false,
                        "the reference the customer gave"),
                Column.of("MixedCase", new ColumnType.Varchar(10), true),
                // @Lob is a large object (oid) on PostgreSQL, not text or bytea; a bare @Column declares 255
                Column.of("notes", new ColumnType.LargeObject(true, 255L), true),
                Column.of("placed_at", new ColumnType.Timestamp(6, false), true),
                Column.of("scan", new ColumnType.LargeObject(false, 255L), true),
                new Column("total", new ColumnType.Numeric(10, 2), false, "0", false, null)),
                new PrimaryKey("pk_Order", List.of("id")),
                List.of(new UniqueConstraint("uq_Order_customer_ref", List.of("customer_ref"))),
                List.of(),
                List.of(new CheckConstraint("ck_Order_1", "total >= 0")),
                List.of(new Index("ix_Order_total", List.of(IndexColumn.asc("total")), false),
                        new Index("ix_order_placed",
                                List.of(new IndexColumn("placed_at", true), IndexColumn.asc("customer_ref")), false)),
                "Orders, quoted because ORDER is reserved");

        assertEquals(expected, table(fixturesPg, "Order"));
    }

    @Test
    void onPostgresASequenceIsASequenceWithItsNameFolded() {
        assertEquals(List.of(new Sequence("order_seq", 100, 20)), fixturesPg.sequences());
        assertEquals(List.of("Order", "article", "article_tag", "order_line", "tag"),
                fixturesPg.tables().stream().map(Table::name).toList());
    }

    @Test
    void onSqliteTheSequenceIsTheTableHibernateEmulatesItWith() {
        assertEquals(List.of(), fixturesSqlite.sequences());
        // spelled as the mapping spells it, as Hibernate's SQLite export creates it and its validation looks it up
        assertEquals(Table.of("Order_Seq", List.of(Column.of("next_val", new ColumnType.BigInt(), true))),
                table(fixturesSqlite, "Order_Seq"));
        // everything else reads the same on both databases (names aside: unquoted table names keep their spelling)
        assertEquals(fixturesPg.withoutSequence("order_seq").tables().stream().map(t -> t.name()).toList(),
                fixturesSqlite.withoutTable("Order_Seq").tables().stream().map(t -> t.name()).toList());
        assertEquals(fixturesPg.withoutSequence("order_seq"), fixturesSqlite.withoutTable("Order_Seq"));
    }

    @Test
    void classesHibernateCannotMapAreOneLineSayingSo() {
        EntityModelException e = assertThrows(EntityModelException.class, () -> HibernateModelReader.read(
                List.of(), List.of("dev.autogen.generator.jpa.fixtures.broken"), Dialect.POSTGRESQL));

        assertEquals("Hibernate cannot map the entities: Entity 'dev.autogen.generator.jpa.fixtures.broken.NoId'"
                + " has no identifier (every '@Entity' class must declare or inherit at least one '@Id' or"
                + " '@EmbeddedId' property): fix the mapping (the entities would not boot"
                + " in the application either)", e.getMessage());
    }
}
