package scenarios.named_enum_value_added.after;

public enum Tier {
    FREE, PRO, ENTERPRISE
}
