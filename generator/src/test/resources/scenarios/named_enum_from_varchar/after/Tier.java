package scenarios.named_enum_from_varchar.after;

public enum Tier {
    FREE, PRO, ENTERPRISE
}
