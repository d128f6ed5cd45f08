package org.citygrid.cloud;

import java.util.concurrent.CountDownLatch;
import org.citygrid.cloud.config.CaseCycleSettings;
import org.citygrid.cloud.geocode.IndexedGridLocator;
import org.citygrid.cloud.readmodel.GridTable;
import org.citygrid.cloud.readmodel.ReadModelDatabase;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.GridIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cloud-backend against an existing Kafka and PostGIS, configured by CITYGRID_* environment
 * variables (docs/cloud-backend.md): loads the grids, fills grid.grids, starts the case cycle, the
 * projection and the HTTP endpoints, and stops them cleanly on SIGTERM. When the case cycle or the
 * projection cannot run it exits with status {@value CaseCycleApp#EXIT_CANNOT_RUN} after a log line
 * that says why.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        CaseCycleSettings settings = CaseCycleSettings.fromEnvironment();
        GridHierarchy grids = IndexedGridLocator.load(settings.gridsFile());
        LOG.info("{} unit grids from {}", grids.grids().size(), settings.gridsFile());
        ReadModelDatabase database = new ReadModelDatabase(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        database.migrate();
        GridTable.load(database, grids);
        CaseCycleApp app = CaseCycleApp.start(settings, new IndexedGridLocator(GridIndex.of(grids.grids())), true, System::exit);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "cloud-backend-shutdown"));
        LOG.info("cloud-backend running: Kafka {}, read model {}, application {}", settings.bootstrapServers(), database,
                settings.applicationId());
        stopped.await();
    }
}
