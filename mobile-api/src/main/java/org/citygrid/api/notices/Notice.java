package org.citygrid.api.notices;

import java.time.Instant;

/** A community notice (公告). */
public record Notice(String id, String communityCode, String title, String body, Instant publishedAt) {
}
