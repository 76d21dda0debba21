package scenarios.enum_string_column_added.after;

public enum Status {
    ACTIVE, SUSPENDED
}
