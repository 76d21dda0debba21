package dev.autogen.sql.postgres;

import dev.autogen.op.Operation;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.Statement;
import java.util.List;

/** PostgreSQL DDL. (Skeleton: rendering lands with the renderer work.) */
public final class PostgresDdlRenderer implements DdlRenderer {
    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String typeSql(ColumnType type) {
        return PostgresTypes.sql(type);
    }

    @Override
    public List<Statement> render(Operation operation, Schema before) {
        if (operation instanceof dev.autogen.op.ExecuteSql sql) {
            return List.of(Statement.of(sql.sql()));
        }
        throw new UnsupportedOperationException("not yet");
    }
}
