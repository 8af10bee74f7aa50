/** {@code /api/pipeline/status}: published partitions and worker heartbeats on HDFS next to the load ledger. */
package org.picu.tier2.api.pipeline;
