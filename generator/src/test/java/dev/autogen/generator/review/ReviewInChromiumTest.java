package dev.autogen.generator.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.generator.testing.CliRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML review looked at as a person would: opened in Debian's headless Chromium, which takes a screenshot (not
 * blank) and dumps the DOM (every table the revision touches drawn, no script a hostile name could have smuggled in),
 * and whose log shows no console message. Skipped with a message when chromium is not installed.
 */
class ReviewInChromiumTest {
    private static final String MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize().toString();
    private static final List<String> SAMPLE_TABLES =
            List.of("agents", "executions", "organizations", "tenants", "user_identities", "users");

    private static Path chromium;

    @TempDir
    Path dir;

    /** What Chromium made of a page. */
    private record Look(String dom, String log, BufferedImage screenshot) {
    }

    @BeforeAll
    static void findChromium() {
        Optional<Path> found = ExternalTool.find("chromium");
        assumeTrue(found.isPresent(), "chromium is not installed (apt-get install chromium): HTML review not looked at");
        chromium = found.get();
    }

    @Test
    void theInitialRevisionsReviewShowsEveryTableItCreatesWithoutNetworkOrConsoleErrors() throws Exception {
        CliRun run = CliRun.of("--url", "jdbc:postgresql://nowhere.invalid/db", "--migrations", MIGRATIONS,
                "review", "04c351a8712d", "--format", "html");
        assertEquals(0, run.exitCode(), run.toString());
        String html = run.out();
        // self-contained: no script, no external resource; the only URL is the SVG namespace
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="), html);
        assertEquals(html.split("http", -1).length - 1, html.split("http://www.w3.org/2000/svg", -1).length - 1);

        Look look = look(html);
        assertTrue(look.dom().contains("<h2><code>04c351a8712d</code> initial schema</h2>"), look.dom());
        for (String table : SAMPLE_TABLES) {
            assertTrue(look.dom().contains("<g class=\"table added\" data-table=\"" + table + "\">"), table);
        }
        assertTrue(look.dom().contains("create table \"tenants\""), "PostgreSQL and SQLite SQL shown");
        assertNoConsoleMessages(look);
        assertNotBlank(look.screenshot());
    }

    @Test
    void hostileNamesStayTextInTheBrowser() throws Exception {
        String page = HtmlPage.of("hostile " + HostileSchema.ORDERS,
                "<h1>" + Markup.html(HostileSchema.ORDERS) + "</h1>"
                        + ElkSvgErd.of(ErDiagrams.of(HostileSchema.schema(), Set.of())));
        Look look = look(page);
        assertFalse(look.dom().contains("<script"), look.dom());
        assertTrue(look.dom().contains("<h1>ord\"]{&lt;script&gt;alert(1)&lt;/script&gt;``x</h1>"), look.dom());
        assertTrue(look.dom().contains("[tenant-isolated]"), look.dom());
        assertNoConsoleMessages(look);
        assertNotBlank(look.screenshot());
    }

    private Look look(String html) throws IOException, InterruptedException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, html);
        Path png = dir.resolve("page.png");
        ExternalTool.Result result = ExternalTool.run(dir, 120, List.of(chromium.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr", "--v=0", "--window-size=1280,1400", "--screenshot=" + png, "--dump-dom",
                page.toUri().toString()));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.size(png) > 0, result.err());
        return new Look(result.out(), result.err(), ImageIO.read(png.toFile()));
    }

    /** The page has no script of its own, so any console line means something went wrong (a blocked load, say). */
    private static void assertNoConsoleMessages(Look look) {
        assertTrue(look.log().lines().noneMatch(line -> line.contains(":CONSOLE")), look.log());
    }

    /** More than a sliver (0.5 %) of non-white pixels, in more than a handful of colours (text, boxes, highlights). */
    private static void assertNotBlank(BufferedImage image) {
        long ink = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        long sampled = (long) ((image.getHeight() + 1) / 2) * ((image.getWidth() + 1) / 2);
        assertTrue(ink > sampled / 200, "only " + ink + " of " + sampled + " sampled pixels are not white");
        assertTrue(colours.size() > 20, "only " + colours.size() + " colours");
    }
}
