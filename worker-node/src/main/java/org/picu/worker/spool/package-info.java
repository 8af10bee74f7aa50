/** The local spool: append-only JSON-lines files that roll, fsync and rename into immutable raw files. */
package org.picu.worker.spool;
