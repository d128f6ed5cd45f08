package org.citygrid.api.people.persistence;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.citygrid.api.people.PeopleDirectory;
import org.citygrid.api.persistence.Jdbc;

/** {@link PeopleDirectory} over api.accounts: the display name only, never another column. */
@Singleton
final class JdbcPeopleDirectory implements PeopleDirectory {

    private final Jdbc jdbc;

    JdbcPeopleDirectory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Map<String, String> staffNames(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.list("cannot read display names",
                "SELECT id, display_name FROM api.accounts WHERE id = ANY (?) AND role <> 'RESIDENT' ORDER BY id",
                rs -> Map.entry(rs.getString(1), rs.getString(2)), List.copyOf(accountIds))
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }
}
