package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToOne;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hibernate gives the key column of a many-to-one through a {@code @JoinTable} (as in Hibernate's own gambit test
 * model) the comment {@code ""}; PostgreSQL stores no comment for that, so reading it as a comment made {@code check}
 * report a difference forever.
 */
class JoinTableCommentTest {

    @Entity
    static class Owner {
        @Id
        Integer id;
    }

    @Entity
    static class Pet {
        @Id
        Integer id;

        @ManyToOne
        @JoinTable(name = "pet_owner", joinColumns = @JoinColumn(name = "pet_fk"),
                inverseJoinColumns = @JoinColumn(name = "owner_fk"))
        Owner owner;
    }

    @Test
    void aBlankCommentIsNoComment() {
        Schema schema = HibernateModelReader.read(List.of(Owner.class, Pet.class), Dialect.POSTGRESQL);
        assertEquals(Column.of("pet_fk", new ColumnType.IntegerType(), false),
                schema.table("pet_owner").orElseThrow().column("pet_fk").orElseThrow());
    }
}
