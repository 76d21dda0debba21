package scenarios.enum_ordinal_to_string.before;

public enum Tier {
    FREE, PRO
}
