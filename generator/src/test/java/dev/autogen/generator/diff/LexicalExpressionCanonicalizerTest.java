package dev.autogen.generator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LexicalExpressionCanonicalizerTest {

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("'A'", "'A'"),
                // spacing and redundant outer parentheses
                Arguments.of("  ( 'A' )  ", "'A'"),
                Arguments.of("((status IN ('a', 'B')))", "status in('a','B')"),
                Arguments.of("status  in ( 'a' ,  'B' )", "status in('a','B')"),
                Arguments.of("NOW()", "now()"),
                Arguments.of("now( )", "now()"),
                Arguments.of("CREDIT_LIMIT   >=   0", "credit_limit >= 0"),
                // parentheses that do not enclose the whole expression stay
                Arguments.of("(a) + (b)", "(a)+(b)"),
                Arguments.of("((a) + (b))", "(a)+(b)"),
                // quoted text is kept exactly, quote doubling included
                Arguments.of("'It''s  Here'", "'It''s  Here'"),
                Arguments.of("\"MixedCase\"  > 0", "\"MixedCase\" > 0"),
                Arguments.of("'(' || X || ')'", "'(' || x || ')'"),
                Arguments.of("('a)' || ('b'))", "'a)' ||('b')"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("expressions")
    void canonicalises(String input, String expected) {
        assertEquals(expected, ExpressionCanonicalizer.lexical().canonical(input));
    }
}
