package org.citygrid.model.casenumber;

/**
 * Where {@link BlockNumbering} claims its blocks: one counter per district and year, shared by
 * every partition but touched once per block, not once per case. A repository in the dddsample
 * sense: the domain says what it needs; a service keeps it (a compacted topic with a single writer,
 * a database sequence).
 */
public interface NumberBlocks {

    /**
     * Claims the next unused block of a district's year, atomically: no two calls ever get the
     * same block.
     *
     * @return the block's index, from 0
     */
    long claim(String county, int year);
}
