/**
 * The Prometheus endpoint of PICU's daemons on the Pis (the worker agent and the master's orchestrator): a Micrometer
 * registry with JVM and process meters ({@link ProcessMetrics}) that the daemon adds its own meters to, served at
 * {@code GET /metrics} on a configured address and port ({@link MetricsEndpoint}).
 */
package org.picu.metrics;
