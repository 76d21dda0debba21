package dev.autogen.generator.config;

import java.util.regex.Pattern;

/** Keeps secrets out of everything autogen prints. */
public final class Redaction {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    // inside a message the URL ends at white space, and one masked already keeps the ':' that follows it
    private static final Pattern PASSWORD_PARAM_IN_TEXT =
            Pattern.compile("(?i)(password=)(?:\\*\\*\\*(?=[:,)&;\\s]|$)|[^&;\\s]*)");
    // greedy up to the last '@' before the path, so a password holding '@' is masked whole
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^/\\s]*@");

    private Redaction() {
    }

    /** {@code jdbc:postgresql://h/db?user=u&password=s} → {@code ...&password=***}; also {@code //u:s@h}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }

    /** Removes a known password from a message (drivers sometimes echo connection strings). */
    public static String message(String message, String password) {
        if (message == null) {
            return "";
        }
        String result = message;
        if (password != null && !password.isEmpty()) {
            result = result.replace(password, "***");
        }
        result = PASSWORD_PARAM_IN_TEXT.matcher(result).replaceAll("$1***");
        return USER_INFO.matcher(result).replaceAll("$1***@");
    }
}
