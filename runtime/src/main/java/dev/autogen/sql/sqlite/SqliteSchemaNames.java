package dev.autogen.sql.sqlite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The names autogen gives constraints SQLite keeps unnamed ({@code uq_<table>_<cols>}, {@code fk_<table>_<col1>_<ref>},
 * {@code ck_<table>_<col>}, {@code ck_<table>_<n>}), so that a catalog read twice gives the same names. A name longer
 * than 63 characters keeps its first 54 characters, then {@code _} and the first 8 hex digits of the SHA-256 of the
 * full name.
 */
public final class SqliteSchemaNames {
    static final int MAX_LENGTH = 63;

    private SqliteSchemaNames() {
    }

    public static String unique(String table, List<String> columns) {
        return limit("uq_" + table + "_" + String.join("_", columns));
    }

    public static String foreignKey(String table, List<String> columns, String referencedTable) {
        return limit("fk_" + table + "_" + columns.get(0) + "_" + referencedTable);
    }

    public static String columnCheck(String table, String column) {
        return limit("ck_" + table + "_" + column);
    }

    public static String tableCheck(String table, int ordinal) {
        return limit("ck_" + table + "_" + ordinal);
    }

    /** {@code name} itself when short enough, else a truncation with a hash suffix of the full name. */
    public static String limit(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, 8);
            return name.substring(0, MAX_LENGTH - 9) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
