package scenarios.enum_string_constant_removed.after;

public enum Status {
    ACTIVE, CLOSED
}
