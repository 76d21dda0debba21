package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.review.ElkSvgErd;
import dev.autogen.generator.review.ErDiagram;
import dev.autogen.generator.review.ErDiagrams;
import dev.autogen.generator.review.HtmlPage;
import dev.autogen.generator.review.Markup;
import dev.autogen.generator.review.MermaidErd;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code autogen erd}: the entity model's ER diagram, as Mermaid text, an SVG laid out by ELK, or an HTML page. */
@Command(name = "erd", mixinStandardHelpOptions = true,
        description = {"Draws the entities' ER diagram: tables, key and nullable columns, foreign keys with their "
                + "cardinality, tenant-isolated tables.", "Needs no database."})
final class ErdCommand implements Callable<Integer> {
    enum Format { mermaid, svg, html }

    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--tables", paramLabel = "A,B", split = ",",
            description = "Only these tables (and the foreign keys among them); default: every table.")
    List<String> tables;

    @Option(names = "--format", defaultValue = "mermaid", paramLabel = "FORMAT",
            description = "mermaid (default; GitHub renders it in Markdown), svg, or html (one self-contained page).")
    Format format;

    @Override
    public Integer call() {
        Schema schema = root.project().entitySchema();
        Set<String> wanted = new LinkedHashSet<>(tables == null ? List.of() : tables.stream().map(String::trim).toList());
        for (String name : wanted) {
            if (schema.table(name).isEmpty()) {
                throw new UsageException("no table " + Markup.oneLine(name) + " in the entity model: --tables takes "
                        + "table names as the database spells them, e.g. "
                        + String.join(",", schema.tables().stream().map(Table::name).limit(3).toList()));
            }
        }
        ErDiagram diagram = ErDiagrams.of(schema, wanted);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case mermaid -> out.print(MermaidErd.of(diagram));
            case svg -> out.print(ElkSvgErd.of(diagram));
            case html -> out.print(HtmlPage.of("ER diagram", "<h1>ER diagram</h1>\n<p class=\"meta\">"
                    + Markup.html(diagram.tables().size() + " tables from the entities in "
                    + String.join(", ", root.project().entityPackages()))
                    + "; tenant-isolated tables have a dashed border.</p>\n<figure>" + ElkSvgErd.of(diagram)
                    + "</figure>\n"));
        }
        out.flush();
        return ExitCodes.OK;
    }

}
