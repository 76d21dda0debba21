package dev.autogen.generator.review;

import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a reviewer is shown about one revision, whatever prints it (Markdown for a pull-request comment, HTML
 * for a browser): its message and parents, the operations of its upgrade and downgrade with their hazards and
 * explanations, its upgrade SQL per dialect, and the tables it touches before and after it.
 *
 * @param sql the upgrade statements per dialect, or the one-line reason they cannot be rendered
 * @param touched the tables whose definition the upgrade changes (empty when the replay could not say)
 * @param diagramNote why there are no diagrams ({@code null} when there are)
 */
public record RevisionReview(String id, String message, List<String> parents, boolean head,
                             List<ReviewedOperation> upgrade, List<ReviewedOperation> downgrade,
                             Map<Dialect, String> sql, Set<String> touched, ErDiagram before, ErDiagram after,
                             String diagramNote) {

    public RevisionReview {
        parents = List.copyOf(parents);
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        sql = Map.copyOf(sql);
        touched = Set.copyOf(touched);
    }

    /**
     * One operation as {@code show} prints it, with its hazards on the project's dialect, the acknowledgements the
     * migration records for it, and where it comes from ({@code because}, {@code null} when unknown).
     */
    public record ReviewedOperation(String text, List<String> hazards, List<String> acknowledgements, String because) {
        public ReviewedOperation {
            hazards = List.copyOf(hazards);
            acknowledgements = List.copyOf(acknowledgements);
        }
    }
}
