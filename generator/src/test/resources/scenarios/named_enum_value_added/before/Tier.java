package scenarios.named_enum_value_added.before;

public enum Tier {
    FREE, PRO
}
