package scenarios.named_enum_added.after;

public enum Tier {
    FREE, PRO, ENTERPRISE
}
