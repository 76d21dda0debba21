package scenarios.enum_string_constant_removed.before;

public enum Status {
    ACTIVE, SUSPENDED, CLOSED
}
