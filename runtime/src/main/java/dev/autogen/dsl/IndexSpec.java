package dev.autogen.dsl;

import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import java.util.Arrays;

/** An index inside a {@link TableSpec}: {@code index("ix_users_phone", "phone", "created_at desc").unique()}. */
public final class IndexSpec {
    private final Index index;

    private IndexSpec(Index index) {
        this.index = index;
    }

    static IndexSpec of(String name, String... columns) {
        return new IndexSpec(new Index(name, Arrays.stream(columns).map(IndexColumn::parse).toList(), false));
    }

    public IndexSpec unique() {
        return new IndexSpec(new Index(index.name(), index.columns(), true));
    }

    public Index toIndex() {
        return index;
    }
}
