package dev.autogen.generator.diff;

import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;

/**
 * A rename that the differ found or was told about: a table or a column that disappears from the database while a
 * compatible one appears in the entities. It carries the words autogen uses for it: the question asked in an
 * interactive terminal, and the warning printed (and written into the migration) when nobody answered.
 */
public sealed interface Rename {

    /** The operation that performs the rename. */
    Operation operation();

    /** The yes/no question for an interactive terminal, ending with the default answer and a space. */
    String question();

    /** The warning when the rename is kept as a drop plus an add. */
    String warning();

    /** Table {@code from} is now called {@code to}. */
    record OfTable(String from, String to) implements Rename {
        @Override
        public Operation operation() {
            return new RenameTable(from, to);
        }

        @Override
        public String question() {
            return "Did you rename table " + from + " to " + to + "? [y/N] ";
        }

        @Override
        public String warning() {
            return "possible rename: table " + from + " -> " + to + " (add @RenamedFrom(\"" + from
                    + "\") to keep the data)";
        }
    }

    /** Column {@code from} of {@code table} is now called {@code to}. */
    record OfColumn(String table, String from, String to) implements Rename {
        @Override
        public Operation operation() {
            return new RenameColumn(table, from, to);
        }

        @Override
        public String question() {
            return "Did you rename " + table + "." + from + " to " + table + "." + to + "? [y/N] ";
        }

        @Override
        public String warning() {
            return "possible rename: " + table + "." + from + " -> " + table + "." + to + " (add @RenamedFrom(\""
                    + from + "\") to keep the data)";
        }
    }
}
