/** Polite HTTP fetching: honest user agent, timeouts, body-size cap and a per-host delay. */
package org.picu.worker.fetch;
