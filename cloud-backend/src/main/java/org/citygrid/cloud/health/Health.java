package org.citygrid.cloud.health;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * cloud-backend's own account of whether it works, from its parts: {@code UP} when the case cycle's
 * Streams client runs and the projection writes; {@code DEGRADED} when it works but an operator should
 * look (records were set aside as dead letters, the projection waits for its database); {@code DOWN}
 * when a part cannot run, which the process also answers by exiting.
 */
public final class Health {

    public enum Status {
        DOWN, DEGRADED, UP;

        Status worst(Status other) {
            return ordinal() <= other.ordinal() ? this : other;
        }
    }

    /**
     * One part as it is now.
     *
     * @param name   {@code streams} or {@code projection}
     * @param state  its own state's name ({@code RUNNING}, {@code WAITING}...)
     * @param status what that means for the whole
     * @param detail why, when it is not UP; else null
     */
    public record Part(String name, String state, Status status, String detail) {
    }

    /** The whole: its status, each part, and the dead letters set aside since the start. */
    public record Report(Status status, List<Part> parts, long deadLetters) {
    }

    private final List<Supplier<Part>> parts;
    private final LongSupplier deadLetters;

    public Health(List<Supplier<Part>> parts, LongSupplier deadLetters) {
        this.parts = List.copyOf(parts);
        this.deadLetters = deadLetters;
    }

    public Report report() {
        List<Part> now = new ArrayList<>();
        Status status = Status.UP;
        for (Supplier<Part> part : parts) {
            Part p = part.get();
            now.add(p);
            status = status.worst(p.status());
        }
        long letters = deadLetters.getAsLong();
        if (letters > 0) {
            status = status.worst(Status.DEGRADED);
        }
        return new Report(status, now, letters);
    }
}
