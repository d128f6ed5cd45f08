package org.citygrid.api.accounts;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.citygrid.api.errors.Conflict;
import org.citygrid.model.cases.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh installation has nobody who could create the first staff accounts: when
 * {@code CITYGRID_ADMIN_PASSWORD} is set and no administrator exists, one is created at start.
 */
@Singleton
// the property is always there (empty by default, application.yml); only a non-empty password creates the administrator
@Requires(property = "citygrid.bootstrap-admin.password", pattern = ".+")
class BootstrapAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService service;
    private final AccountRepository repository;
    private final String username;
    private final String password;

    BootstrapAdmin(AccountService service, AccountRepository repository,
                   @Value("${citygrid.bootstrap-admin.username:admin}") String username,
                   @Value("${citygrid.bootstrap-admin.password}") String password) {
        this.service = service;
        this.repository = repository;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (repository.anyWithRole(Role.ADMIN)) {
            return;
        }
        try {
            service.create(username, password, "Administrator", Role.ADMIN, null, null, List.of());
            LOG.info("created the first administrator account '{}'", username);
        } catch (Conflict e) {
            // instances started together all find no administrator; the first insert wins and the
            // others must still start
            if (repository.anyWithRole(Role.ADMIN)) {
                LOG.info("another instance created the first administrator account '{}'", username);
            } else {
                LOG.warn("no administrator created: the user name '{}' belongs to an account that is not an administrator;"
                        + " set CITYGRID_ADMIN_USER to another name", username);
            }
        }
    }
}
