package dev.autogen.generator.rls;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.jpa.HibernateModelReader;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowSecurityProbeTest {
    @Test
    void probe() throws Exception {
        Schema model = HibernateModelReader.read(List.of(dev.autogen.generator.rls.isolated.Note.class,
                dev.autogen.generator.rls.isolated.Invoice.class, dev.autogen.generator.rls.isolated.Tenant.class,
                Class.forName("dev.autogen.generator.rls.isolated.package-info")), Dialect.POSTGRESQL);
        System.out.println(model);
        String url = TestDatabases.freshPostgres("probe");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("create role rls_auditor");
            List<Operation> ops = new SchemaDiffer(Dialect.POSTGRESQL).diff(Schema.EMPTY, model);
            for (Operation op : ops) {
                for (var st : DdlRenderer.forDialect(Dialect.POSTGRESQL).render(op, Schema.EMPTY)) {
                    System.out.println(st.sql());
                    c.createStatement().execute(st.sql());
                }
            }
            Schema back = CatalogReader.forDialect(Dialect.POSTGRESQL).read(c, null);
            back.tables().forEach(t -> t.policies().forEach(p -> System.out.println("BACK " + p + "\n  "
                    + (p.using() == null ? null : SqlExpressions.canonical(p.using())))));
            model.tables().forEach(t -> t.policies().forEach(p -> System.out.println("MODEL " + p + "\n  "
                    + (p.using() == null ? null : SqlExpressions.canonical(p.using())))));
            System.out.println("DIFF " + new SchemaDiffer(Dialect.POSTGRESQL).diff(back, model));
        }
    }
}
