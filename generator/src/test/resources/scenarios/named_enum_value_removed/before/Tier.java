package scenarios.named_enum_value_removed.before;

public enum Tier {
    FREE, TRIAL, PRO
}
