package org.citygrid.api.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.citygrid.api.errors.Unavailable;

/**
 * Every password hash and check runs here, on a fixed number of threads with a short queue. Argon2id
 * takes {@code 19 MiB} per hash on purpose, so a flood of sign-ins or sign-ups run side by side would
 * take the heap; here at most {@code threads} hashes hold memory at once, {@code queue} more wait,
 * and anything beyond is refused at once with {@link Unavailable} (503, {@code Retry-After}) instead.
 */
@Singleton
public class PasswordHashing {

    /** How long a refused caller is told to wait: a hash takes tens of milliseconds, a queue drains in a second or two. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final PasswordHasher hasher;
    private final ThreadPoolExecutor pool;

    PasswordHashing(PasswordHasher hasher,
                    @Value("${citygrid.passwords.threads:2}") int threads,
                    @Value("${citygrid.passwords.queue:16}") int queue) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("citygrid.passwords needs at least one thread and a queue of 0 or more");
        }
        this.hasher = hasher;
        AtomicInteger seq = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                // a queue of 0 means "no waiting": a hand-off, refused when every thread is busy
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "password-hashing-" + seq.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** A new Argon2id hash of {@code password}. */
    public String hash(String password) {
        return run(() -> hasher.hash(password));
    }

    /** Whether {@code password} matches the stored hash. */
    public boolean matches(String password, String phc) {
        return run(() -> hasher.matches(password, phc));
    }

    private <T> T run(Callable<T> work) {
        Future<T> result;
        try {
            result = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new Unavailable("password-hashing-busy", "Busy",
                    "服务器正忙于核对其他人的密码，请 " + RETRY_AFTER.toSeconds() + " 秒后重试 / the server is busy checking "
                            + "other people's passwords; try again in " + RETRY_AFTER.toSeconds() + " s",
                    RETRY_AFTER);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a password was hashed", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
