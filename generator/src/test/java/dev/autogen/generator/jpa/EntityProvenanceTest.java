package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.jpa.fixtures.odd.Article;
import dev.autogen.generator.jpa.fixtures.odd.OrderLine;
import dev.autogen.generator.jpa.fixtures.odd.Tag;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where tables and columns come from, across mapping shapes: embedded ids, {@code @IdClass}, join tables, enums. */
class EntityProvenanceTest {

    @Test
    void embeddedIdsIdClassesAndJoinTables() {
        EntityProvenance odd = EntityProvenance.of(List.of(Article.class, Tag.class, OrderLine.class),
                Dialect.POSTGRESQL);
        assertEquals(Optional.of("Article"), odd.table("article"));
        assertEquals(Optional.of("Article.key.site @Column(name = \"site\", length = 20)"),
                odd.column("article", "site"));
        assertEquals(Optional.of("Article.title @Column(name = \"title\", columnDefinition = \"text\", nullable = false)"),
                odd.column("article", "title"));
        assertEquals(Optional.of("Article.tags"), odd.table("article_tag"));
        assertEquals(Optional.of("Article.tags @JoinTable(name = \"article_tag\") @JoinColumn(name = \"tag_id\")"),
                odd.column("article_tag", "tag_id"));
        assertEquals(Optional.of("Article.tags @JoinTable(name = \"article_tag\") @JoinColumn(name = \"article_site\")"),
                odd.column("article_tag", "article_site"));
        assertEquals(Optional.of("OrderLine.orderNo @Id @Column(name = \"order_no\")"),
                odd.column("order_line", "order_no"));
        assertEquals(Optional.empty(), odd.column("order_line", "no_such_column"));
        assertEquals(Optional.empty(), odd.table("no_such_table"));
    }

    @Test
    void foreignKeysEnumsDefaultsAndGeneratedIds() {
        EntityProvenance sample = EntityProvenance.scan(List.of(), List.of("dev.autogen.sample"), Dialect.SQLITE);
        assertEquals(Optional.of("Agent"), sample.table("agents"));
        assertEquals(Optional.of("Agent.tenant @JoinColumn(name = \"tenant_id\", nullable = false)"),
                sample.column("agents", "tenant_id"));
        assertEquals(Optional.of("Agent.status @Column(name = \"status\", length = 16, nullable = false)"
                + " @Enumerated(STRING) @ColumnDefault(\"'DRAFT'\")"), sample.column("agents", "status"));
        assertEquals(Optional.of("Agent.id @Id @GeneratedValue(strategy = UUID) @Column(name = \"id\")"),
                sample.column("agents", "id"));
    }
}
