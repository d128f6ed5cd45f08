package org.citygrid.devstack.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.citygrid.devstack.DevstackException;

/**
 * The OS user PostgreSQL runs as. PostgreSQL refuses to run as root, so a JVM running as root runs
 * initdb and pg_ctl as the {@code postgres} user (through runuser) and hands it the cluster's directory;
 * any other user runs them directly.
 */
final class OsUser {
    static final String POSTGRES = "postgres";

    private final boolean root;

    private OsUser(boolean root) {
        this.root = root;
    }

    static OsUser current() {
        return new OsUser("root".equals(System.getProperty("user.name")));
    }

    /** {@code command} as it must be run for PostgreSQL: unchanged, or through runuser when root. */
    List<String> wrap(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", POSTGRES, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * When root: makes {@code dir} and everything in it the postgres user's, after checking that this
     * user can reach it. Otherwise does nothing: the directory is already the running user's.
     */
    void handOver(Path dir) {
        if (!root) {
            return;
        }
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user;
        GroupPrincipal group;
        try {
            user = lookup.lookupPrincipalByName(POSTGRES);
            group = lookup.lookupPrincipalByGroupName(POSTGRES);
        } catch (IOException e) {
            throw new DevstackException("running as root, PostgreSQL must run as the OS user postgres, which does"
                    + " not exist here. Install the Debian package " + PostgresBinaries.DEBIAN_PACKAGE
                    + " (it creates the user), or run the tests as a non-root user", e);
        }
        checkTraversable(dir.getParent());
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new DevstackException("cannot give " + dir + " to the OS user postgres: " + e, e);
        }
    }

    /** The postgres user needs search (x) permission on every directory above the cluster's. */
    private static void checkTraversable(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new DevstackException("PostgreSQL runs as the OS user postgres, which cannot reach the"
                            + " cluster directory: " + p + " is not searchable by others (mode "
                            + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "). Use a directory"
                            + " outside it, or allow it: chmod o+x " + p);
                }
            } catch (IOException e) {
                throw new DevstackException("cannot read the permissions of " + p + ": " + e, e);
            }
        }
    }
}
