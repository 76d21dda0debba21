package dev.autogen.generator.review;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where names, comments and messages become Markdown, HTML (and SVG) or Mermaid text. Every value
 * that reaches a review or a diagram came from entities or migrations someone else wrote, so none may open a tag,
 * end a code span, start a Markdown heading or a Mermaid statement: each method here makes its target treat the
 * value as plain text, on one line.
 */
public final class Markup {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u200B-\\u200F\\u202A-\\u202E]");
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]()#+!|~>]");
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern MERMAID_WORD = Pattern.compile("[^A-Za-z0-9_]");
    private static final Pattern MERMAID_TYPE = Pattern.compile("[^A-Za-z0-9_()\\[\\]]");
    private static final Pattern MERMAID_LABEL = Pattern.compile("[^\\p{L}\\p{N} _\\-.,:()/+*=@$!?']");
    /** Words Mermaid's ER lexer reads as key markers, so never as an attribute name or type. */
    private static final Set<String> MERMAID_KEYS = Set.of("PK", "FK", "UK");

    private Markup() {
    }

    /** {@code text} on one line: line breaks and other control or direction characters become spaces. */
    public static String oneLine(String text) {
        return CONTROL.matcher(text == null ? "" : text).replaceAll(" ");
    }

    /** {@code text} as HTML or SVG character data or a quoted attribute value. */
    public static String html(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : oneLine(text).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A multi-line block (SQL) as HTML character data for a {@code <pre>}: lines kept, everything else escaped. */
    public static String htmlBlock(String text) {
        String[] lines = (text == null ? "" : text).split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(html(lines[i]));
        }
        return out.toString();
    }

    /** {@code text} as Markdown prose: every character Markdown (or the HTML GitHub allows in it) could act on, escaped. */
    public static String markdown(String text) {
        String line = oneLine(text).replace("&", "&amp;").replace("<", "&lt;");
        return MARKDOWN_SPECIAL.matcher(line).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /** {@code text} as a Markdown code span: fenced by more backticks than it contains, so it cannot end it early. */
    public static String markdownCode(String text) {
        String line = oneLine(text);
        String fence = "`".repeat(longestBacktickRun(line) + 1);
        String pad = line.startsWith("`") || line.endsWith("`") || line.isBlank() ? " " : "";
        return fence + pad + line + pad + fence;
    }

    /** A fenced Markdown code block of {@code language} holding {@code body} verbatim: its fence is longer than any run of backticks in it. */
    public static String markdownFence(String language, String body) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        String text = body.endsWith("\n") ? body : body + "\n";
        return fence + language + "\n" + text + fence + "\n";
    }

    /** A Mermaid identifier or attribute name: letters, digits and underscores, never a key marker. */
    public static String mermaidWord(String text) {
        return mermaidToken(MERMAID_WORD.matcher(oneLine(text)).replaceAll("_"));
    }

    /** A Mermaid attribute type: as {@link #mermaidWord}, parentheses and brackets kept ({@code varchar(20)}). */
    public static String mermaidType(String text) {
        return mermaidToken(MERMAID_TYPE.matcher(oneLine(text).replace(' ', '_')).replaceAll("_"));
    }

    /** Text for inside Mermaid's double quotes (labels, comments): no quote, entity code, tag or statement end. */
    public static String mermaidLabel(String text) {
        return MERMAID_LABEL.matcher(oneLine(text)).replaceAll("_");
    }

    private static String mermaidToken(String word) {
        if (word.isEmpty() || !Character.isLetter(word.charAt(0)) && word.charAt(0) != '_') {
            word = "_" + word;
        }
        return MERMAID_KEYS.contains(word.toUpperCase(Locale.ROOT)) ? word + "_" : word;
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        Matcher runs = BACKTICKS.matcher(text);
        while (runs.find()) {
            longest = Math.max(longest, runs.group().length());
        }
        return longest;
    }
}
