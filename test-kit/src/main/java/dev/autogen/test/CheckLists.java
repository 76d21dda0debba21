package dev.autogen.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a check constraint lists for one column, in the two spellings that carry Hibernate's enum checks: {@code
 * status in ('A','B')} (as written, and as SQLite keeps it) and {@code status = ANY (ARRAY['A'::text, 'B'::text])}
 * (as PostgreSQL rewrites it); and the lower bound of {@code ordinal between 0 and 2}.
 */
final class CheckLists {
    private static final Pattern IN_LIST = Pattern.compile("\\bin\\s*\\(([^()]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_ARRAY = Pattern.compile("any\\s*\\(\\s*\\(?\\s*array\\s*\\[([^\\]]*)\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN = Pattern.compile("\\bbetween\\s+\\(?\\s*(-?\\d+)", Pattern.CASE_INSENSITIVE);

    private CheckLists() {
    }

    /** The values {@code expression} allows {@code column} to take, or empty when it lists none for it. */
    static List<String> allowed(String expression, String column) {
        if (!mentions(expression, column)) {
            return List.of();
        }
        for (Pattern list : List.of(IN_LIST, ANY_ARRAY)) {
            Matcher m = list.matcher(expression);
            if (m.find()) {
                return values(m.group(1));
            }
        }
        Matcher between = BETWEEN.matcher(expression);
        return between.find() ? List.of(between.group(1)) : List.of();
    }

    private static boolean mentions(String expression, String column) {
        return Pattern.compile("(^|[^A-Za-z0-9_])\"?" + Pattern.quote(column.toLowerCase(Locale.ROOT))
                + "\"?($|[^A-Za-z0-9_])").matcher(expression.toLowerCase(Locale.ROOT)).find();
    }

    private static List<String> values(String list) {
        List<String> values = new ArrayList<>();
        for (String item : list.split(",")) {
            String value = item.strip().replaceAll("::[A-Za-z_ ]+(\\(\\d+\\))?$", "").strip();
            value = value.replaceAll("^\\(+|\\)+$", "").replaceAll("::[A-Za-z_ ]+(\\(\\d+\\))?$", "").strip();
            if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }
}
