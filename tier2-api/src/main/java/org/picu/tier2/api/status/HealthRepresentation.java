package org.picu.tier2.api.status;

/**
 * {@code GET /health}. Unlike the original, a degraded answer carries no error text: the reason goes to the log,
 * where it cannot reveal hosts or credentials to a client.
 */
public record HealthRepresentation(String status, String database, String timestamp) {
    static HealthRepresentation healthy(String timestamp) {
        return new HealthRepresentation("healthy", "connected", timestamp);
    }

    static HealthRepresentation degraded(String timestamp) {
        return new HealthRepresentation("degraded", "disconnected", timestamp);
    }
}
