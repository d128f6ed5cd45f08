package org.citygrid.model.category;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalogue file that cannot be used, with every problem found in it.
 *
 * <p>Semantic checks run over the whole file so an operator fixes all mistakes in one round; a file
 * that is not well-formed JSON of the documented shape stops at the first syntax error, because
 * nothing after it can be trusted.
 */
public final class CatalogueValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<CatalogueProblem> problems;

    public CatalogueValidationException(String source, List<CatalogueProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order; never empty. */
    public List<CatalogueProblem> problems() {
        return problems;
    }

    private static String message(String source, List<CatalogueProblem> problems) {
        return problems.stream()
                .map(CatalogueProblem::toString)
                .collect(Collectors.joining("\n  ", "category catalogue " + source + " has "
                        + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  ", ""));
    }
}
