package dev.autogen.op;

/** Raised by {@link Operation#reverse()} when an operation lacks the definition it would need to be undone. */
public final class IrreversibleOperationException extends RuntimeException {
    public IrreversibleOperationException(String message) {
        super(message);
    }
}
