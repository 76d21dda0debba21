package dev.autogen.test;

import dev.autogen.schema.ColumnType;
import dev.autogen.sql.Dialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * One generated value of a sample row: row {@code n} (from 1) gets {@code n}, {@code 'r<n>'}, day {@code n} of
 * 2026, the uuid ending in {@code n}..., so a column's values differ from row to row. On PostgreSQL the value is sent
 * as text of unspecified type ({@link Types#OTHER}) and the server parses it as the column's type, enum and domain
 * types included; SQLite gets the storage class Hibernate's SQLite dialect uses for the type.
 *
 * @param type   the column's logical type
 * @param row    the row's number, from 0
 * @param listed the values a check or an enum type allows (empty: any)
 */
record SampleValue(ColumnType type, int row, List<String> listed) {

    static SampleValue of(ColumnType type, int row, List<String> listed) {
        return new SampleValue(type, row, List.copyOf(listed));
    }

    void bind(PreparedStatement statement, int index, Dialect dialect) throws SQLException {
        if (!listed.isEmpty()) {
            String value = listed.get(row % listed.size());
            switch (dialect) {
                case POSTGRESQL -> statement.setObject(index, value, Types.OTHER);
                case SQLITE, MARIADB -> statement.setString(index, value);
            }
            return;
        }
        switch (dialect) {
            case POSTGRESQL -> statement.setObject(index, postgresText(), Types.OTHER);
            case SQLITE, MARIADB -> bindSqlite(statement, index);
        }
    }

    private int n() {
        return row + 1;
    }

    private String postgresText() {
        return switch (type) {
            case ColumnType.Varchar v -> text(v.length());
            case ColumnType.Char c -> text(c.length());
            case ColumnType.Text t -> "row " + n();
            case ColumnType.TinyInt t -> Integer.toString(n());
            case ColumnType.SmallInt t -> Integer.toString(n());
            case ColumnType.IntegerType t -> Integer.toString(n());
            case ColumnType.BigInt t -> Integer.toString(n());
            case ColumnType.Real t -> Integer.toString(n());
            case ColumnType.DoublePrecision t -> Integer.toString(n());
            case ColumnType.Numeric t -> Integer.toString(n());
            case ColumnType.BooleanType t -> n() % 2 == 1 ? "true" : "false";
            case ColumnType.Date t -> date();
            case ColumnType.Time t -> time();
            case ColumnType.Timestamp t -> date() + " " + time();
            case ColumnType.Uuid t -> "00000000-0000-4000-8000-%012d".formatted(n());
            case ColumnType.Json t -> json();
            case ColumnType.Binary t -> "\\x%02x".formatted(n());
            case ColumnType.LargeObject t -> Integer.toString(n());
            case ColumnType.Array t -> "{}";
            case ColumnType.Native t -> Integer.toString(n());
        };
    }

    private void bindSqlite(PreparedStatement statement, int index) throws SQLException {
        switch (type) {
            case ColumnType.TinyInt t -> statement.setLong(index, n());
            case ColumnType.SmallInt t -> statement.setLong(index, n());
            case ColumnType.IntegerType t -> statement.setLong(index, n());
            case ColumnType.BigInt t -> statement.setLong(index, n());
            case ColumnType.BooleanType t -> statement.setLong(index, n() % 2);
            case ColumnType.Real t -> statement.setDouble(index, n());
            case ColumnType.DoublePrecision t -> statement.setDouble(index, n());
            case ColumnType.Numeric t -> statement.setDouble(index, n());
            case ColumnType.Uuid t -> {
                byte[] bytes = new byte[16];
                bytes[15] = (byte) n();
                statement.setBytes(index, bytes);
            }
            case ColumnType.Binary t -> statement.setBytes(index, new byte[] {(byte) n()});
            case ColumnType.Array t -> statement.setBytes(index, new byte[] {(byte) n()});
            case ColumnType.LargeObject t -> {
                if (t.character()) {
                    statement.setString(index, "row " + n());
                } else {
                    statement.setBytes(index, new byte[] {(byte) n()});
                }
            }
            case ColumnType.Varchar v -> statement.setString(index, text(v.length()));
            case ColumnType.Char c -> statement.setString(index, text(c.length()));
            case ColumnType.Text t -> statement.setString(index, "row " + n());
            case ColumnType.Native t -> statement.setString(index, "row " + n());
            case ColumnType.Json t -> statement.setString(index, json());
            case ColumnType.Date t -> statement.setString(index, date());
            case ColumnType.Time t -> statement.setString(index, time());
            case ColumnType.Timestamp t -> statement.setString(index, date() + " " + time());
        }
    }

    private String json() {
        return "{\"row\": " + n() + "}";
    }

    /** {@code r<n>}, or only the digit when the column is shorter. */
    private String text(int length) {
        String value = "r" + n();
        return value.length() <= length ? value : Integer.toString(n() % 10);
    }

    private String date() {
        return "2026-01-%02d".formatted(n());
    }

    private String time() {
        return "%02d:00:00".formatted(n() % 24);
    }
}
