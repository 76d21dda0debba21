package scenarios.enum_string_constant_added.after;

public enum Status {
    ACTIVE, SUSPENDED, CLOSED
}
