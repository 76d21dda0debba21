package dev.autogen.sql.mariadb;

import dev.autogen.schema.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB's quoting: backticks, inner backticks doubled. A qualified name's schema is a MariaDB database
 * ({@code `archive`.`customer`}). The ANSI double quotes that the other dialects use mean a string on MariaDB under its
 * default {@code sql_mode}, so every MariaDB statement quotes through here.
 */
public final class MariadbNames {
    private MariadbNames() {
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** {@code `name`} or {@code `schema`.`name`}. */
    public static String table(String qualifiedName) {
        QualifiedName name = QualifiedName.parse(qualifiedName);
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    /** {@code (`a`, `b`)}. */
    static String columnList(List<String> columns) {
        return columns.stream().map(MariadbNames::quote).collect(Collectors.joining(", ", "(", ")"));
    }
}
