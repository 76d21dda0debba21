package dev.autogen.schema;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The names autogen gives constraints and indexes that nobody named: the entity reader uses them for what the
 * entities leave unnamed, and the SQLite schema reader for what SQLite keeps unnamed. One convention for both, so
 * that the same unnamed constraint gets the same name from either side, a generated migration names every object
 * it creates, and a later migration can drop it by that name on every database.
 *
 * <p>Conventions: {@code pk_<table>}, {@code uq_<table>_<col1>_<col2>}, {@code fk_<table>_<col1>_<reftable>},
 * {@code ix_<table>_<col1>_<col2>}, {@code ck_<table>_<col>} for a column check and {@code ck_<table>_<n>} for the
 * n-th (1-based) table check. A name longer than {@value #MAX_LENGTH} bytes of UTF-8 (PostgreSQL's identifier
 * limit) is cut to at most {@code MAX_LENGTH - 9} bytes (whole characters) and suffixed with {@code _} and the 8 lower-case hex digits of the
 * CRC-32 of the full name, so that two long names that share a prefix stay distinct. A table in another schema
 * ({@link QualifiedName}) is named by its own name: constraints and indexes live in their table's schema.
 */
public final class ConstraintNames {

    /** PostgreSQL silently truncates identifiers longer than this (NAMEDATALEN - 1). */
    public static final int MAX_LENGTH = 63;

    private ConstraintNames() {
    }

    public static String primaryKey(String table) {
        return fit("pk_" + QualifiedName.local(table));
    }

    public static String unique(String table, List<String> columns) {
        return fit("uq_" + QualifiedName.local(table) + "_" + String.join("_", columns));
    }

    /** Named after the first column only, and the table it references. */
    public static String foreignKey(String table, List<String> columns, String referencedTable) {
        return fit("fk_" + QualifiedName.local(table) + "_" + columns.getFirst() + "_"
                + QualifiedName.local(referencedTable));
    }

    public static String index(String table, List<String> columns) {
        return fit("ix_" + QualifiedName.local(table) + "_" + String.join("_", columns));
    }

    public static String columnCheck(String table, String column) {
        return fit("ck_" + QualifiedName.local(table) + "_" + column);
    }

    /** The {@code ordinal}-th (1-based) check of {@code table} that belongs to no single column. */
    public static String tableCheck(String table, int ordinal) {
        return fit("ck_" + QualifiedName.local(table) + "_" + ordinal);
    }

    /**
     * {@code name} itself when it fits in {@link #MAX_LENGTH} bytes of UTF-8 (PostgreSQL counts bytes, so a name of
     * 40 accented letters may not fit), else its longest prefix of at most {@code MAX_LENGTH - 9} bytes that ends
     * between two characters, plus a hash suffix.
     */
    public static String fit(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_LENGTH) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(utf8);
        String hash = HexFormat.of().toHexDigits((int) crc.getValue());
        int budget = MAX_LENGTH - 9;
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end) + "_" + hash;
    }
}
