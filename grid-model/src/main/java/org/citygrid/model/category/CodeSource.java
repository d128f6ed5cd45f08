package org.citygrid.model.category;

/**
 * How far a category's code has been checked against public classification tables.
 *
 * <p>The national standard (GB/T 30428.2, formerly CJ/T 214) is not freely published, and cities
 * extend and renumber its tables. Rather than pretend every code is authoritative, the catalogue says
 * for each one what it rests on; docs/categories.md lists the tables consulted.
 */
public enum CodeSource {
    /** Code and name found in two or more independent public code tables that agree. */
    CONFIRMED,
    /** Found in one public table only, or tables disagree and one was followed. */
    SINGLE_SOURCE,
    /** Follows the standard's shape, but no public table showing this code was found. */
    UNVERIFIED,
    /** CityGrid's own code, outside the standard (community services). */
    LOCAL
}
