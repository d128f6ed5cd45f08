package org.citygrid.model.category;

/**
 * What a category classifies, which also decides the letter that prefixes its code.
 *
 * <p>Components (部件) and events (事件) follow the national classification; their four-digit codes
 * overlap (component 0101 is a water-supply manhole cover, event 0101 an illegal structure), so the
 * kind is part of every category's identity. Services are CityGrid's own community-service requests.
 */
public enum CategoryKind {
    /** 部件: a physical asset in public space, dispatched to its owner first, then to the territory. */
    COMPONENT('C'),
    /** 事件: something that happened, dispatched to the territory first, then to the owner. */
    EVENT('E'),
    /** 居民服务: a resident's request for a community service; not part of the national standard. */
    SERVICE('S');

    private final char prefix;

    CategoryKind(char prefix) {
        this.prefix = prefix;
    }

    /** The letter that starts this kind's codes, e.g. {@code 'C'} in {@code C0101}. */
    public char prefix() {
        return prefix;
    }

    /**
     * The kind whose codes start with {@code prefix}.
     *
     * @throws IllegalArgumentException when no kind uses that letter
     */
    public static CategoryKind fromPrefix(char prefix) {
        for (CategoryKind kind : values()) {
            if (kind.prefix == prefix) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no category kind has the prefix '" + prefix + "'");
    }
}
