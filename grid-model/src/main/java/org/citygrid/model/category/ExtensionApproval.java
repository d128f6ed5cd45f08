package org.citygrid.model.category;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.citygrid.model.cases.Role;

/**
 * Who approves a department's request for time (延期) or to put the work on hold (缓办), by tier:
 * the first tier whose bounds the request keeps names the lowest post that may approve it, and
 * every later tier's post may too. A request beyond every bounded tier goes to the last one.
 *
 * <p>The shape follows a published local rule (docs/roles.md: ordinary extensions are approved by
 * the hall on duty; a second extension, or a long one, goes up to the centre's leadership); the
 * bounds are the catalogue's ({@code extensionApproval}), with {@link #DEFAULT} when it names none.
 *
 * @param tiers lowest first; the last has no bounds
 */
public record ExtensionApproval(List<Tier> tiers) {

    /**
     * One tier.
     *
     * @param approver      the post that approves from this tier up
     * @param maxGranted    the most extensions the case may have been granted before; {@code null} for any
     * @param maxShare      the most time asked for, as a share of the category's handling limit;
     *                      {@code null} for any
     */
    public record Tier(Role approver, Integer maxGranted, BigDecimal maxShare) {
        public Tier {
            Objects.requireNonNull(approver, "approver");
            if (maxGranted != null && maxGranted < 0) {
                throw new IllegalArgumentException("maxGranted is never negative: " + maxGranted);
            }
            if (maxShare != null && maxShare.signum() <= 0) {
                throw new IllegalArgumentException("maxShare is positive: " + maxShare);
            }
        }

        boolean keeps(Duration extra, int granted, Duration handlingLimit) {
            boolean count = maxGranted == null || granted <= maxGranted;
            boolean size = maxShare == null || BigDecimal.valueOf(extra.toSeconds())
                    .compareTo(maxShare.multiply(BigDecimal.valueOf(handlingLimit.toSeconds()))) <= 0;
            return count && size;
        }

        boolean unbounded() {
            return maxGranted == null && maxShare == null;
        }
    }

    /**
     * The dispatcher approves a first request of up to half the handling limit; the shift leader a
     * first or second of up to the whole limit; the leader anything beyond.
     */
    public static final ExtensionApproval DEFAULT = new ExtensionApproval(List.of(
            new Tier(Role.DISPATCHER, 0, new BigDecimal("0.5")),
            new Tier(Role.SHIFT_LEADER, 1, BigDecimal.ONE),
            new Tier(Role.LEADER, null, null)));

    public ExtensionApproval {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("extension approval needs at least one tier");
        }
        if (!tiers.get(tiers.size() - 1).unbounded()) {
            throw new IllegalArgumentException("the last approval tier takes every request: it has no bounds");
        }
        for (Tier t : tiers) {
            if (!Set.of(Role.DISPATCHER, Role.SHIFT_LEADER, Role.LEADER).contains(t.approver())) {
                throw new IllegalArgumentException("extensions are approved by a dispatcher, shift leader or leader, not " + t.approver());
            }
        }
    }

    /** The posts that may approve a request of {@code extra} after {@code granted} extensions. */
    public Set<Role> approvers(Duration extra, int granted, Duration handlingLimit) {
        int from = 0;
        while (!tiers.get(from).keeps(extra, granted, handlingLimit)) {
            from++;
        }
        EnumSet<Role> posts = EnumSet.noneOf(Role.class);
        tiers.subList(from, tiers.size()).forEach(t -> posts.add(t.approver()));
        return Collections.unmodifiableSet(posts);
    }
}
