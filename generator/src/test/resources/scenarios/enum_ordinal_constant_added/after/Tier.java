package scenarios.enum_ordinal_constant_added.after;

public enum Tier {
    FREE, PRO, ENTERPRISE
}
