package dev.autogen.generator.jpa;

import dev.autogen.annotations.Distributed;
import dev.autogen.annotations.ReferenceTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;

/** Reads {@link CitusLayout} from the entities' annotations, through Hibernate's table of each entity. */
final class CitusLayoutReader {
    private CitusLayoutReader() {
    }

    /** Whether any of {@code classes} carries a Citus annotation (most models do not: then nothing is read). */
    static boolean mentionsAny(Iterable<Class<?>> classes) {
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(Distributed.class) || type.isAnnotationPresent(ReferenceTable.class)) {
                return true;
            }
        }
        return false;
    }

    static CitusLayout read(Metadata metadata) {
        Map<String, String> distributed = new HashMap<>();
        Set<String> reference = new HashSet<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = entity.getMappedClass();
            if (type == null) {
                continue;
            }
            String table = HibernateModelReader.tableName(entity.getTable());
            Distributed by = type.getAnnotation(Distributed.class);
            boolean shared = type.isAnnotationPresent(ReferenceTable.class);
            if (by != null && shared) {
                throw new EntityModelException(type.getName() + " is both @Distributed and @ReferenceTable: a Citus"
                        + " table is one or the other, remove one");
            }
            if (by != null) {
                String previous = distributed.put(table, by.column());
                if (previous != null && !previous.equals(by.column())) {
                    throw new EntityModelException("table " + table + " is @Distributed by both " + previous + " and "
                            + by.column() + ": give its entities one distribution column");
                }
            } else if (shared) {
                reference.add(table);
            }
        }
        return new CitusLayout(distributed, reference);
    }
}
