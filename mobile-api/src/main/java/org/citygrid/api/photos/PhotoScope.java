package org.citygrid.api.photos;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.api.readmodel.CaseScope;

/**
 * Who may see a photo: the person who uploaded it, and whoever may see a case that carries it, by the
 * same rule as the case itself ({@link CaseScope}: the reporters, operators and administrators, the
 * handlers of the department holding it, the workers of its grid). A report's photos are on the case
 * the report became or joined; a handler's or checker's evidence on the case they took the step on.
 * A photo on no case is its uploader's alone. Evidence and report photos are always the sender's own
 * uploads, so only the uploader's reports and steps are searched.
 */
@Singleton
class PhotoScope {

    private final PhotoStore store;
    private final CaseReadModel readModel;

    PhotoScope(PhotoStore store, CaseReadModel readModel) {
        this.store = store;
        this.readModel = readModel;
    }

    boolean sees(CurrentUser user, PhotoStore.Photo photo) {
        return photo.ownerId().equals(user.id()) || casesCarrying(photo).anyMatch(c -> CaseScope.sees(user, c));
    }

    /** Lazily: an operator is answered by the first case found, without the second query. */
    private Stream<CaseRow> casesCarrying(PhotoStore.Photo photo) {
        Supplier<List<CaseRow>> reported = () -> store.reportsCarrying(photo.ownerId(), photo.ref()).stream()
                .map(readModel::forIntake).flatMap(Optional::stream).toList();
        Supplier<List<CaseRow>> evidence = () -> readModel.withEvidenceFrom(photo.ownerId(), photo.ref());
        return Stream.of(reported, evidence).flatMap(cases -> cases.get().stream());
    }
}
