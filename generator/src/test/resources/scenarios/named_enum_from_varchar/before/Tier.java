package scenarios.named_enum_from_varchar.before;

public enum Tier {
    FREE, PRO, ENTERPRISE
}
