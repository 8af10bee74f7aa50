/** Polite HTTP fetching: user agent, robots.txt, per-host delay and backoff, timeouts, size cap, run time limit. */
package org.picu.worker.fetch;
