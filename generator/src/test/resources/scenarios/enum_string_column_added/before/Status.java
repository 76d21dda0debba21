package scenarios.enum_string_column_added.before;

public enum Status {
    ACTIVE, SUSPENDED
}
