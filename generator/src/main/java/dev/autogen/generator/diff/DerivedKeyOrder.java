package dev.autogen.generator.diff;

import dev.autogen.schema.QualifiedName;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables whose primary-key column order is Hibernate's choice, not the user's: collection and join tables, whose
 * key Hibernate derives (the owner's key plus the element, index or map key) and whose order JPA gives no way to
 * declare. Hibernate's patch versions disagree on that order (7.4.5 sorts a {@code Set} join table's key by column
 * name, 7.4.6 puts the owner's key first), and an application runs its own Hibernate, rarely exactly autogen's. So on
 * these tables a primary key whose columns differ only in order is the same key: never a drop and re-add that only
 * another Hibernate version would undo. Entity keys keep their order: a user can order them (a unique key over exactly
 * the key's columns orders them, HHH-17065), so a change there is real.
 *
 * <p>Tables are named by their own name, the schema left out (the default schema's tables appear qualified or not),
 * compared case-insensitively (SQLite's rule; PostgreSQL's unquoted names are lower case on both sides).
 */
public record DerivedKeyOrder(Set<String> tables) {

    /** No table: every primary key's order is compared. */
    public static final DerivedKeyOrder NONE = new DerivedKeyOrder(Set.of());

    public DerivedKeyOrder {
        Set<String> folded = new TreeSet<>();
        tables.forEach(t -> folded.add(fold(t)));
        tables = Set.copyOf(folded);
    }

    /** Whether {@code table}'s key order is Hibernate's choice. */
    public boolean isHibernatesChoice(String table) {
        return tables.contains(fold(table));
    }

    private static String fold(String name) {
        return QualifiedName.parse(name).name().toLowerCase(Locale.ROOT);
    }
}
