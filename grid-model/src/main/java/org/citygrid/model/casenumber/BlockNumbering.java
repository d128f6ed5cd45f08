package org.citygrid.model.casenumber;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers dense and nearly in filing order: a partition claims a block of {@code blockSize}
 * serials of a district's year from {@link NumberBlocks} and hands them out one by one, claiming
 * the next block when one is used up. Unique because each block is claimed once and used by one
 * partition; the shared counter is written once per block.
 *
 * <p>The price: a store every partition reaches, and up to {@code blockSize - 1} serials per
 * partition left unused when a year ends or a partition moves (its open block is not resumed by
 * the new owner unless the open block is kept in the partition's state, as {@link Cursor} allows).
 *
 * <p>One instance serves one partition and is not thread-safe: a partition is processed by one
 * thread at a time.
 */
public final class BlockNumbering {

    private final int blockSize;
    private final NumberBlocks blocks;
    private final Map<Key, Cursor> open = new HashMap<>();

    private record Key(String county, int year) {
    }

    /** Where a partition stands in its current block: which block, and how many serials of it are used. */
    public record Cursor(long block, int used) {
    }

    public BlockNumbering(int blockSize, NumberBlocks blocks) {
        if (blockSize < 1 || blockSize > 100_000) {
            throw new IllegalArgumentException("a block holds 1..100000 serials, not " + blockSize);
        }
        this.blockSize = blockSize;
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    /** The next number of a district's year for this partition. */
    public CaseNumber next(String county, int year) {
        Key key = new Key(county, year);
        Cursor cursor = open.get(key);
        if (cursor == null || cursor.used() == blockSize) {
            cursor = new Cursor(blocks.claim(county, year), 0);
        }
        long serial = Math.addExact(Math.multiplyExact(cursor.block(), (long) blockSize), cursor.used() + 1L);
        open.put(key, new Cursor(cursor.block(), cursor.used() + 1));
        return new CaseNumber(year, county, serial);
    }

    /** The partition's open block of a district's year, to keep in its state store. */
    public java.util.Optional<Cursor> cursor(String county, int year) {
        return java.util.Optional.ofNullable(open.get(new Key(county, year)));
    }

    /** Resumes a block kept in the partition's state, so its remaining serials are not lost. */
    public void resume(String county, int year, Cursor cursor) {
        if (cursor.used() < 0 || cursor.used() > blockSize) {
            throw new IllegalArgumentException("a cursor uses 0.." + blockSize + " serials, not " + cursor.used());
        }
        open.put(new Key(county, year), cursor);
    }
}
