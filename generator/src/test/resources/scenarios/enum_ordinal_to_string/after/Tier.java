package scenarios.enum_ordinal_to_string.after;

public enum Tier {
    FREE, PRO
}
