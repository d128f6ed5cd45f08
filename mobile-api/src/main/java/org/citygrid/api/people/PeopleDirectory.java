package org.citygrid.api.people;

import java.util.Collection;
import java.util.Map;

/**
 * The display names of the staff who act on cases (grid workers, handlers, the centres' posts,
 * administrators), so pages show a person instead of an account id. Residents' names are never
 * given out: a resident is shown by role alone, whoever asks.
 */
public interface PeopleDirectory {

    /** Display names of these accounts, by account id; residents, the case cycle and unknown ids are left out. */
    Map<String, String> staffNames(Collection<String> accountIds);
}
