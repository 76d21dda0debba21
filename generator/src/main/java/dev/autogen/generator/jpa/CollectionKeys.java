package dev.autogen.generator.jpa;

import dev.autogen.generator.diff.DerivedKeyOrder;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Table;

/**
 * Which tables of a boot model have a primary key whose column order Hibernate derived rather than the user declared
 * (see {@link DerivedKeyOrder} for why the differ needs to know): every collection with a table of its own (a join
 * table, an element collection's table), unless a unique key over exactly its key's columns orders the key (Hibernate
 * honours that order, HHH-17065). A one-to-many without a join table lives in the element's entity table, whose key
 * is the entity's.
 */
final class CollectionKeys {

    private CollectionKeys() {
    }

    static DerivedKeyOrder read(Metadata metadata) {
        Set<String> tables = new TreeSet<>();
        for (Collection collection : metadata.getCollectionBindings()) {
            Table table = collection.getCollectionTable();
            if (collection.isOneToMany() || table == null || !table.hasPrimaryKey()
                    || table.getPrimaryKey().getColumnSpan() < 2
                    || table.getPrimaryKey().getOrderingUniqueKey() != null) {
                continue;
            }
            tables.add(HibernateModelReader.tableName(table));
        }
        return new DerivedKeyOrder(tables);
    }
}
