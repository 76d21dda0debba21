package dev.autogen.sql.mariadb;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.Backfill;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import java.util.Optional;

/**
 * How InnoDB on MariaDB 10.11 carries out the DDL an operation renders to on an existing table, after MariaDB's
 * "InnoDB Online DDL Operations" pages: {@link #INSTANT} (metadata only), {@link #INPLACE} (an index built while
 * reads and writes go on), {@link #INPLACE_REBUILD} (the table rebuilt in place while reads and writes go on),
 * {@link #COPY} (every row copied into a new table while writes wait). The hazards of an operation on MariaDB
 * ({@code dev.autogen.hazard.Hazards}) and its online form follow from it.
 */
public enum MariadbAlterAlgorithm {
    /** Metadata only: no row is touched; a brief metadata lock at the start and the end. */
    INSTANT,
    /** An index is built from every row while reads and writes go on ({@code ALGORITHM=INPLACE, LOCK=NONE}). */
    INPLACE,
    /** The table is rebuilt in place, every row rewritten, while reads and writes go on ({@code LOCK=NONE}). */
    INPLACE_REBUILD,
    /** Every row is copied into a new table while writes wait ({@code ALGORITHM=COPY, LOCK=SHARED}). */
    COPY;

    /** The table an operation changes and how; empty when it changes no existing table's definition. */
    public record Work(String table, MariadbAlterAlgorithm algorithm) {
    }

    /** How {@code operation} runs on MariaDB; empty for a new table, data and raw SQL, and what MariaDB lacks. */
    public static Optional<Work> of(Operation operation) {
        return switch (operation) {
            case CreateTable op -> Optional.empty();
            case DropTable op -> work(op.name(), INSTANT);
            case RenameTable op -> work(op.from(), INSTANT);
            // an AUTO_INCREMENT column is filled row by row: MariaDB copies the table
            case AddColumn op -> work(op.table(), op.column().identity() ? COPY : INSTANT);
            case DropColumn op -> work(op.table(), INSTANT);
            case AlterColumn op -> work(op.table(), alterColumn(op.from(), op.to()));
            case RenameColumn op -> work(op.table(), INSTANT);
            case CreateIndex op -> work(op.table(), INPLACE);
            case DropIndex op -> work(op.table(), INSTANT);
            case AddPrimaryKey op -> work(op.table(), INPLACE_REBUILD);
            // a table without a primary key gets a hidden one: the clustered index changes, so the rows are copied
            case DropPrimaryKey op -> work(op.table(), COPY);
            // with foreign_key_checks on (autogen's sessions) MariaDB validates the rows by copying the table
            case AddForeignKey op -> work(op.table(), COPY);
            case DropForeignKey op -> work(op.table(), INSTANT);
            case AddUniqueConstraint op -> work(op.table(), INPLACE);
            case DropUniqueConstraint op -> work(op.table(), INSTANT);
            // MariaDB checks the existing rows of a new check constraint by copying the table
            case AddCheckConstraint op -> work(op.table(), COPY);
            case DropCheckConstraint op -> work(op.table(), INSTANT);
            case SetComment op -> work(op.table(), INSTANT);
            case CreateSequence op -> Optional.empty();
            case DropSequence op -> Optional.empty();
            case AlterSequence op -> Optional.empty();
            case SetRowLevelSecurity op -> Optional.empty();
            case CreatePolicy op -> Optional.empty();
            case DropPolicy op -> Optional.empty();
            case CreateEnumType op -> Optional.empty();
            case DropEnumType op -> Optional.empty();
            case AlterEnumType op -> Optional.empty();
            case ExecuteSql op -> Optional.empty();
            case ExecuteDialectSql op -> Optional.empty();
            case RunCallback op -> Optional.empty();
            case ForEachTenant op -> Optional.empty();
            case Backfill op -> Optional.empty();
        };
    }

    /**
     * A new type is a copy (MariaDB converts every value), except a longer {@code varchar} whose length keeps its size
     * ({@link #widensWithinItsLengthBytes}), which is metadata. Changing nullability, either way, rebuilds the table in
     * place (the row format keeps a null flag per nullable column; NULL to NOT NULL also checks every row): MariaDB
     * 10.11 refuses {@code ALGORITHM=INSTANT} for both, and the table gets a new InnoDB table id. A new default or
     * comment is metadata.
     */
    private static MariadbAlterAlgorithm alterColumn(Column from, Column to) {
        if (!MariadbTypes.sql(from.type()).equals(MariadbTypes.sql(to.type()))
                && !widensWithinItsLengthBytes(from.type(), to.type()) && !appendsEnumValues(from.type(), to.type())) {
            return COPY;
        }
        return from.nullable() != to.nullable() ? INPLACE_REBUILD : INSTANT;
    }

    /** The most bytes a character takes in any of MariaDB's character sets ({@code utf8mb4}). */
    private static final int MAX_BYTES_PER_CHARACTER = 4;

    /**
     * Whether a {@code varchar} grows without changing the size of its length prefix, which InnoDB does instantly: one
     * byte up to 255 bytes of data, two above (except for {@code ROW_FORMAT=REDUNDANT}, which is not the default and not
     * assumed). The bytes depend on the column's character set, which the operation does not carry, so this holds only
     * when it holds for every character set: both lengths within 255 bytes even at 4 bytes a character
     * ({@code varchar(63)}), or both above 255 even at 1 ({@code varchar(256)}). Anything between may cross the
     * boundary, and is taken for the copy it is then.
     */
    private static boolean widensWithinItsLengthBytes(ColumnType from, ColumnType to) {
        if (!(from instanceof ColumnType.Varchar(int before) && to instanceof ColumnType.Varchar(int after))
                || after < before) {
            return false;
        }
        return after * MAX_BYTES_PER_CHARACTER <= ONE_BYTE_LENGTH || before > ONE_BYTE_LENGTH;
    }

    /**
     * Whether a native {@code enum(...)} only gets values at the end of its list, which InnoDB does instantly while the
     * stored index keeps its size (one byte up to 255 values): every row keeps its number. A value removed, inserted
     * or reordered renumbers rows, and MariaDB copies the table.
     */
    public static boolean appendsEnumValues(ColumnType from, ColumnType to) {
        var before = MariadbTypes.enumValues(from);
        var after = MariadbTypes.enumValues(to);
        return before.isPresent() && after.isPresent() && after.get().size() > before.get().size()
                && after.get().size() <= ONE_BYTE_LENGTH
                && after.get().subList(0, before.get().size()).equals(before.get());
    }

    /** The longest data, in bytes, whose length a one-byte prefix holds. */
    private static final int ONE_BYTE_LENGTH = 255;

    private static Optional<Work> work(String table, MariadbAlterAlgorithm algorithm) {
        return Optional.of(new Work(table, algorithm));
    }
}
