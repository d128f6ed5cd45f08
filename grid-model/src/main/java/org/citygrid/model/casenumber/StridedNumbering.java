package org.citygrid.model.casenumber;

/**
 * Numbers without any shared counter: each numbering slot (a partition of the case cycle) counts
 * its own filings per district and year, and its serials are its own residue class:
 * {@code serial = local × slots + slot + 1}. Two slots never give the same serial, whatever their
 * counts, so no partition ever asks another.
 *
 * <p>The price: serials have gaps (a quiet slot leaves its residues unused) and are not in filing
 * order across slots, and {@code slots} is fixed for good, independent of the partition count of
 * the day: it is the most partitions the case cycle may ever have (default
 * {@value #DEFAULT_SLOTS}); adding partitions up to it keeps every number issued unique. A
 * partition's local counter lives in its own state store, so exactly-once processing gives each
 * counter value once.
 */
public final class StridedNumbering {

    /** The most partitions the case cycle may ever number from. */
    public static final int DEFAULT_SLOTS = 64;

    private final int slots;

    public StridedNumbering(int slots) {
        if (slots < 1 || slots > 10_000) {
            throw new IllegalArgumentException("slots must be 1..10000, not " + slots);
        }
        this.slots = slots;
    }

    public StridedNumbering() {
        this(DEFAULT_SLOTS);
    }

    public int slots() {
        return slots;
    }

    /**
     * The number of a slot's {@code local}-th filing (from 0) in a district and year.
     *
     * @throws IllegalArgumentException for a slot outside {@code 0..slots-1}, or a serial that no
     *                                  longer fits the number
     */
    public CaseNumber number(String county, int year, int slot, long local) {
        if (slot < 0 || slot >= slots) {
            throw new IllegalArgumentException("slot must be 0.." + (slots - 1) + ", not " + slot);
        }
        if (local < 0) {
            throw new IllegalArgumentException("a local counter starts at 0, not " + local);
        }
        return new CaseNumber(year, county, Math.addExact(Math.multiplyExact(local, (long) slots), slot + 1L));
    }
}
