package scenarios.enum_ordinal_constant_added.before;

public enum Tier {
    FREE, PRO
}
