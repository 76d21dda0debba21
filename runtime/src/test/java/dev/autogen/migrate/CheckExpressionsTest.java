package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckExpressionsTest {

    @Test
    void renamesBareAndQuotedReferencesAndKeepsEverythingElseAsWritten() {
        assertEquals("amount > 0 AND \"amount\" <  10 and note <> 'qty'",
                CheckExpressions.rename("QTY > 0 AND \"qty\" <  10 and note <> 'qty'", "qty", "amount"));
    }

    @Test
    void leavesFunctionsTypesAndOtherQuotedNamesAlone() {
        assertEquals("qty (x) > 0 and y::qty is not null and \"QTY\" > 1",
                CheckExpressions.rename("qty (x) > 0 and y::qty is not null and \"QTY\" > 1", "qty", "amount"));
    }

    @Test
    void quotesANewNameThatIsNotASimpleIdentifier() {
        assertEquals("\"Order \"\"Qty\"\"\" > 0", CheckExpressions.rename("qty > 0", "qty", "Order \"Qty\""));
    }

    @Test
    void mentionsOnlyTheColumnItself() {
        assertTrue(CheckExpressions.mentions("(qty >= 0)", "qty"));
        assertFalse(CheckExpressions.mentions("qty_max >= 0 and label = 'qty'", "qty"));
    }
}
