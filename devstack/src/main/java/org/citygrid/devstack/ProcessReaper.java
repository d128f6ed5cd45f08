package org.citygrid.devstack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops every running devstack service when the JVM exits, so that a test run or demo never leaves a
 * broker or postmaster behind. Services register when they start and unregister when stopped or killed.
 * (A JVM that is itself killed with SIGKILL runs no hooks: then each service's {@link Lifeline} stops it.)
 */
public final class ProcessReaper {
    /** A started service that can be stopped at JVM exit. */
    public interface Service {
        void stop();
    }

    private static final Set<Service> RUNNING = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private ProcessReaper() {
    }

    public static synchronized void register(Service service) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::stopAll, "devstack-reaper"));
            hookInstalled = true;
        }
        RUNNING.add(service);
    }

    public static synchronized void unregister(Service service) {
        RUNNING.remove(service);
    }

    private static void stopAll() {
        List<Service> services;
        synchronized (ProcessReaper.class) {
            services = new ArrayList<>(RUNNING);
        }
        // Newest first: a service started later may depend on one started earlier.
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).stop();
            } catch (RuntimeException e) {
                System.err.println("[devstack] could not stop " + services.get(i) + " at exit: " + e.getMessage());
            }
        }
    }
}
