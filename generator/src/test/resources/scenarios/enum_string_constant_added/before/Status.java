package scenarios.enum_string_constant_added.before;

public enum Status {
    ACTIVE, SUSPENDED
}
