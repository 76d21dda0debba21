package scenarios.named_enum_value_removed.after;

public enum Tier {
    FREE, PRO
}
