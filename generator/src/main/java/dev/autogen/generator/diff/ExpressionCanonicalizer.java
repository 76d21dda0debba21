package dev.autogen.generator.diff;

/**
 * Puts an SQL expression (a column default, a check constraint) into a normal form, so that the differ compares what
 * an expression means rather than how one tool happened to spell it: {@code 'A'} from an entity and {@code ( 'A' )}
 * read back from a catalog must not be a difference.
 *
 * <p>The differ only ever compares two canonical forms for equality; how deep the normalisation goes (casts that
 * PostgreSQL adds, {@code IN} rewritten as {@code = ANY (ARRAY[...])}) is the implementation's business. The one
 * autogen uses is {@link dev.autogen.generator.catalog.SqlExpressions#canonical}; tests inject others.
 */
@FunctionalInterface
public interface ExpressionCanonicalizer {

    /** The canonical form of {@code expression}; equal forms mean equal expressions. Never called with null. */
    String canonical(String expression);
}
