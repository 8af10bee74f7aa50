/** Running the jobs of partitions: orchestrator leases, retries with capped backoff, ledger records. */
package org.picu.master.run;
