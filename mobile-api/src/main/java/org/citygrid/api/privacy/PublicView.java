package org.citygrid.api.privacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.CategoryKind;

/**
 * What of a case anybody may see, without signing in (Open311's GETs): the rules in one place.
 * <ul>
 *   <li><b>Only public categories</b>: problems in public space (the catalogue's components and events).
 *       A community service request (an {@code S} category: disability assistance, elderly care,
 *       certificates) is about a person and their home, and is never shown: not listed, not found by id,
 *       not offered as a service.</li>
 *   <li><b>Positions coarsened</b> to {@value #DECIMALS} decimals of a degree, about 111 m north–south and
 *       85 m east–west in Beijing: the street and block, not the doorway.</li>
 *   <li><b>No reporter</b>: who reported is never shown; an anonymous report's description is not shown
 *       either, because people describe where they are ("outside my door at No. 5"), and an anonymous
 *       reporter asked not to be found from what they wrote.</li>
 * </ul>
 */
public final class PublicView {

    /** Decimals of a degree kept in a public position. */
    public static final int DECIMALS = 3;

    private PublicView() {
    }

    /** Whether cases of {@code category} may be shown publicly. */
    public static boolean isPublic(Category category) {
        return category.kind() != CategoryKind.SERVICE;
    }

    /** The codes of the categories whose cases may be shown publicly, for a query. */
    public static List<String> publicCategoryCodes(CategoryCatalogue catalogue) {
        return catalogue.categories().stream().filter(PublicView::isPublic).map(c -> c.code().toString()).toList();
    }

    /** A longitude or latitude as shown publicly: rounded half-up to {@value #DECIMALS} decimals. */
    public static double coarse(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    /** A case's description as shown publicly: empty for an anonymous report. */
    public static String description(boolean anonymous, String description) {
        return anonymous || description == null ? "" : description;
    }
}
