package org.citygrid.api.reports;

/**
 * The answer to a write: accepted for the case cycle, not yet applied. The client follows
 * {@code follow} until the status changes (see docs/mobile-api.md, "Consistency").
 */
public record Accepted(String id, String status, String follow) {
}
