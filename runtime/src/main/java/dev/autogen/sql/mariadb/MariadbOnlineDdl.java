package dev.autogen.sql.mariadb;

import dev.autogen.op.Operation;
import java.util.Locale;
import java.util.Optional;

/**
 * The online form of an operation on MariaDB: its statement with {@code ALGORITHM=INPLACE, LOCK=NONE}. On MariaDB an
 * algorithm clause is the most expensive algorithm allowed (an INSTANT change stays instant), and {@code LOCK=NONE}
 * makes the server refuse, with its own reason, a change that would block reads or writes instead of quietly taking a
 * stronger lock or copying the table. What {@link MariadbAlterAlgorithm} knows to be a copy has no online form: the
 * migrator refuses it before anything runs. Statements that take no such clause ({@code rename table},
 * {@code drop table}) are metadata changes and stay as they are.
 */
public final class MariadbOnlineDdl {
    private MariadbOnlineDdl() {
    }

    /** Whether {@code operation} has an online form on MariaDB: it changes an existing table without copying it. */
    public static boolean supports(Operation operation) {
        return MariadbAlterAlgorithm.of(operation).map(w -> w.algorithm() != MariadbAlterAlgorithm.COPY).orElse(false);
    }

    /** {@code sql}, one statement rendered from {@code operation}, in its online form; empty when there is none. */
    public static Optional<String> statement(Operation operation, String sql) {
        if (!supports(operation)) {
            return Optional.empty();
        }
        String start = sql.strip().toLowerCase(Locale.ROOT);
        if (start.startsWith("alter table ")) {
            return Optional.of(sql + ", algorithm=inplace, lock=none");
        }
        if (start.startsWith("create index ") || start.startsWith("create unique index ")
                || start.startsWith("drop index ")) {
            return Optional.of(sql + " algorithm=inplace lock=none");
        }
        return Optional.of(sql);
    }
}
