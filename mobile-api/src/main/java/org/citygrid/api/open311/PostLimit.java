package org.citygrid.api.open311;

/**
 * How many requests one Open311 client may post: counted per api_key before anything is read or sent. The
 * rate itself is configured with the API's other limits ({@code citygrid.rate-limits.open311-posts}), whose
 * package implements this; an interface here keeps Open311 free of the HTTP filters that package also holds.
 */
public interface PostLimit {

    /** Counts a POST by the api_key {@code keyId}, or refuses it with {@code Throttled} (429). */
    void count(String keyId);
}
