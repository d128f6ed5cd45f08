package org.citygrid.api.cases;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.category.CatalogueCaseRules;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.worktime.WorkingCalendar;

/** The case cycle's decider with the same rules the case cycle runs (the catalogue and China's working calendar). */
@Factory
class CaseDeciderFactory {

    @Singleton
    CaseDecider decider() {
        return new CaseDecider(new CatalogueCaseRules(CategoryCatalogue.loadDefault(), WorkingCalendar.chinaDefault()));
    }
}
