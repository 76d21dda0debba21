package dev.autogen.schema;

import java.util.Objects;

/**
 * A column's logical type: what the entity means, not how one database spells it.
 *
 * <p>One migration must run on PostgreSQL and on SQLite, so types are recorded in this portable form and each
 * dialect renders them ({@code Uuid} is {@code uuid} on PostgreSQL and {@code blob} on SQLite, as Hibernate's
 * own dialects do). Comparison of an entity's type with a catalog's happens in the dialect's rendered and
 * canonicalised form, so a poorer catalog (SQLite keeps no time zone) never causes a false difference.
 *
 * <p>{@link Native} is the escape hatch for {@code columnDefinition} and types autogen does not model yet: it is
 * rendered verbatim on every dialect.
 */
public sealed interface ColumnType {

    /** {@code varchar(n)} / {@code character varying(n)}. */
    record Varchar(int length) implements ColumnType {}

    /** {@code char(n)} / {@code character(n)}: blank-padded, fixed length. */
    record Char(int length) implements ColumnType {}

    /** Unbounded character data: {@code text} (PostgreSQL), {@code text}/{@code clob} (SQLite). */
    record Text() implements ColumnType {}

    /** One-byte integer: {@code smallint} on PostgreSQL (it has no tinyint), {@code tinyint} on SQLite. */
    record TinyInt() implements ColumnType {}

    record SmallInt() implements ColumnType {}

    record IntegerType() implements ColumnType {}

    record BigInt() implements ColumnType {}

    /** Single precision: {@code real} / {@code float4}. */
    record Real() implements ColumnType {}

    /** Double precision: {@code double precision} / {@code float(53)} / SQLite {@code float}. */
    record DoublePrecision() implements ColumnType {}

    /** {@code numeric(p,s)}; {@code precision} null means unconstrained {@code numeric}. */
    record Numeric(Integer precision, Integer scale) implements ColumnType {}

    record BooleanType() implements ColumnType {}

    record Date() implements ColumnType {}

    /** {@code time(p)}, optionally {@code with time zone}; {@code precision} null means the database default. */
    record Time(Integer precision, boolean withTimeZone) implements ColumnType {}

    /** {@code timestamp(p)}, optionally {@code with time zone}; {@code precision} null means the database default. */
    record Timestamp(Integer precision, boolean withTimeZone) implements ColumnType {}

    record Uuid() implements ColumnType {}

    /** JSON document: {@code jsonb} on PostgreSQL when {@code binary}, else {@code json}; {@code clob} on SQLite. */
    record Json(boolean binary) implements ColumnType {}

    /** Variable binary data: {@code bytea} / {@code blob}. */
    record Binary() implements ColumnType {}

    /**
     * {@code @Lob}: a large object reference ({@code oid}) on PostgreSQL; {@code blob} or {@code clob} on SQLite. On
     * MariaDB the type depends on {@code length}, as Hibernate's own MariaDB dialect chooses it (so its validation
     * accepts the column): {@code tinytext}/{@code tinyblob} up to 255 bytes, {@code text}/{@code blob} up to 65 535,
     * {@code medium…} up to 16 777 215, {@code long…} above or when {@code length} is null. The length is the one the
     * entity declares: JPA's {@code @Column} says 255 unless told otherwise, so a {@code @Lob} with a bare
     * {@code @Column} is a {@code tinytext} on MariaDB, in Hibernate's DDL as in autogen's.
     *
     * @param length the declared maximum length in bytes, or null when the entity declares none
     */
    record LargeObject(boolean character, Long length) implements ColumnType {
        public LargeObject {
            if (length != null && length <= 0) {
                throw new IllegalArgumentException("a large object's length must be positive, not " + length);
            }
        }

        /** A large object of no declared length. */
        public LargeObject(boolean character) {
            this(character, null);
        }

        /**
         * The record's text without a null length, as it was before lengths were kept: migration checksums are taken
         * over operations' {@code toString()}, and an applied {@code clob()} must keep its checksum.
         */
        @Override
        public String toString() {
            return "LargeObject[character=" + character + (length == null ? "" : ", length=" + length) + "]";
        }
    }

    /** A PostgreSQL array of {@code element}; SQLite stores arrays as {@code blob}. */
    record Array(ColumnType element) implements ColumnType {
        public Array {
            Objects.requireNonNull(element, "element");
        }
    }

    /** A type written verbatim in every dialect (e.g. a {@code columnDefinition}). */
    record Native(String sql) implements ColumnType {
        public Native {
            Objects.requireNonNull(sql, "sql");
            if (sql.isBlank()) {
                throw new IllegalArgumentException("a native column type needs SQL text");
            }
        }
    }
}
