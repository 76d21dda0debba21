package dev.autogen.generator.review;

/**
 * The shell of autogen's HTML pages ({@code erd --format html}, {@code review --format html}): one self-contained
 * file, its style inline, no script, no font, image or stylesheet from the network, so it opens the same offline, in
 * a CI artifact or attached to a ticket.
 */
public final class HtmlPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;background:#fff;margin:0 auto;\
            max-width:1200px;padding:24px;line-height:1.45}
            h1{font-size:1.6em;border-bottom:1px solid #d0d7de;padding-bottom:.3em}
            h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
            h3{font-size:1.05em;margin-top:1.4em}
            code,pre{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.9em}
            pre{background:#f6f8fa;padding:12px;overflow:auto;border-radius:6px}
            table.ops{border-collapse:collapse;width:100%}
            table.ops td,table.ops th{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;text-align:left}
            .hazard{color:#9a6700}.because{color:#57606a}.meta{color:#57606a}
            .diagrams{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;margin-top:16px}
            table.ops td:first-child{width:45%}
            .diagrams figure{margin:0;overflow:auto;max-width:100%}
            figcaption{font-weight:600;margin-bottom:4px}
            .legend span{display:inline-block;padding:0 6px;margin-right:6px;border-radius:4px}
            .added{background:#dafbe1}.changed{background:#fff8c5}.dropped{background:#ffebe9}
            """;

    private HtmlPage() {
    }

    /** A whole HTML document titled {@code title} (escaped here) around {@code body} (already HTML). */
    public static String of(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Markup.html(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
