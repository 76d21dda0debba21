package dev.autogen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ConstraintNamesTest {

    @Test
    void conventionsNameTheTableAndColumns() {
        assertEquals("pk_users", ConstraintNames.primaryKey("users"));
        assertEquals("uq_organizations_tenant_id_name",
                ConstraintNames.unique("organizations", List.of("tenant_id", "name")));
        // a foreign key is named after its first column and the table it references
        assertEquals("fk_article_tag_article_site_article",
                ConstraintNames.foreignKey("article_tag", List.of("article_site", "article_slug"), "article"));
        assertEquals("ix_users_tenant_id_created_at", ConstraintNames.index("users", List.of("tenant_id", "created_at")));
        assertEquals("ck_agents_status", ConstraintNames.columnCheck("agents", "status"));
        assertEquals("ck_Order_1", ConstraintNames.tableCheck("Order", 1));
    }

    @Test
    void aNameOfExactly63CharactersIsKept() {
        String name = "ix_" + "a".repeat(60);
        assertEquals(63, name.length());
        assertEquals(name, ConstraintNames.fit(name));
    }

    @Test
    void aLongerNameIsCutAndSuffixedWithTheHashOfTheFullName() {
        String table = "tenant_billing_account_statement_lines";
        List<String> columns = List.of("tenant_billing_account_id", "statement_period_start");
        String full = "uq_" + table + "_" + String.join("_", columns);
        CRC32 crc = new CRC32();
        crc.update(full.getBytes(StandardCharsets.UTF_8));
        String expected = full.substring(0, 54) + "_" + HexFormat.of().toHexDigits((int) crc.getValue());

        String fitted = ConstraintNames.unique(table, columns);

        assertEquals(expected, fitted);
        assertEquals(63, fitted.length());
    }

    /** PostgreSQL's limit is 63 bytes of UTF-8: 40 'ä' are 40 characters but 80 bytes, and a cut never splits one. */
    @Test
    void theLimitCountsBytesAndTheCutKeepsWholeCharacters() {
        String name = "ix_" + "ä".repeat(40);
        String fitted = ConstraintNames.fit(name);
        assertNotEquals(name, fitted);
        // 54 bytes for the prefix: "ix_" and 25 two-byte letters (53), since a 26th would split; then _ and 8 hex
        assertEquals(62, fitted.getBytes(StandardCharsets.UTF_8).length, fitted);
        assertEquals("ix_" + "ä".repeat(25) + "_", fitted.substring(0, 3 + 25 + 1));
        assertEquals(fitted, ConstraintNames.fit(name), "deterministic");
        String threeBytes = "ix_" + "€".repeat(20); // 63 bytes exactly: kept
        assertEquals(threeBytes, ConstraintNames.fit(threeBytes));
        assertTrue(ConstraintNames.fit(threeBytes + "€").getBytes(StandardCharsets.UTF_8).length <= 63);
    }

    @Test
    void twoLongNamesWithTheSamePrefixStayDistinct() {
        String prefix = "ix_" + "x".repeat(60);
        assertNotEquals(ConstraintNames.fit(prefix + "_a"), ConstraintNames.fit(prefix + "_b"));
    }
}
