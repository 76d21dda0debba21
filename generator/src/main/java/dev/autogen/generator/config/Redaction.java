package dev.autogen.generator.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything autogen prints: the one place that knows what a secret looks like. Two ways: by
 * shape (a {@code password=} parameter, a URL's {@code user:password@} part), and by value, for the secrets this
 * process was given ({@link #remember}): drivers and the JDK echo them without their shape ({@code
 * UnknownHostException: app:s3cret@host}, pgjdbc's "invalid port number: s3cret@host"), so the value itself is masked
 * wherever it appears: the error line and {@code --verbose}'s trace mask the running command's secrets, and the
 * process's stdout and stderr those the process was given. The command line routes every line it prints through {@link #message} (its error line, the
 * stack trace of {@code --verbose}, and, through {@link RedactingOutputStream}, whatever else reaches stdout or stderr,
 * such as the drivers' java.util.logging lines).
 */
public final class Redaction {
    /** Secret values this process was given (passwords from options, environment, properties and URLs). */
    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();
    private static volatile boolean processWide;
    private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)password=([^&;\\s]*)");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//[^/:@\\s]+:([^/\\s]*)@");
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

    /**
     * The secret values of a configuration: the password, and any password inside the URL (user-info or parameter).
     * Drivers echo them without their shape, so they are masked by value ({@link #message(String, Collection)}).
     */
    public static List<String> secretsOf(String url, String password) {
        Set<String> secrets = new LinkedHashSet<>();
        addSecret(secrets, password);
        if (url != null) {
            for (Pattern pattern : List.of(PASSWORD_VALUE, USER_INFO_PASSWORD)) {
                Matcher matcher = pattern.matcher(url);
                while (matcher.find()) {
                    addSecret(secrets, matcher.group(1));
                }
            }
        }
        return List.copyOf(secrets);
    }

    private static void addSecret(Set<String> secrets, String secret) {
        if (secret != null && !secret.isEmpty() && !secret.equals("***")) {
            secrets.add(secret);
        }
    }

    /**
     * Makes {@link #remember} keep secrets for {@link #processSecrets()}: called once by the command line's
     * {@code main}, where one process runs one command. Without it (tests, an application embedding the generator)
     * nothing is kept beyond the command that was given the secret.
     */
    public static void rememberForThisProcess() {
        processWide = true;
    }

    /** Adds a configuration's secrets to {@link #processSecrets()} when {@link #rememberForThisProcess} was called. */
    public static void remember(String url, String password) {
        if (processWide) {
            REMEMBERED.addAll(secretsOf(url, password));
        }
    }

    /** The secrets this process was given, for output autogen does not format itself ({@link RedactingOutputStream}). */
    public static List<String> processSecrets() {
        return List.copyOf(REMEMBERED);
    }

    /** Masks a known password and anything shaped like a password in a message (drivers echo connection strings). */
    public static String message(String message, String password) {
        return message(message, password == null ? List.of() : List.of(password));
    }

    /** Masks the values {@code secrets} and anything shaped like a password in a message. */
    public static String message(String message, Collection<String> secrets) {
        if (message == null) {
            return "";
        }
        String result = message;
        // longest first, so that a secret containing another is masked whole
        for (String secret : secrets.stream().filter(x -> x != null && !x.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(secret, "***");
        }
        result = PASSWORD_PARAM_IN_TEXT.matcher(result).replaceAll("$1***");
        return USER_INFO.matcher(result).replaceAll("$1***@");
    }
}
