/** The run ledger: one small JSON file per orchestrator run, kept in HDFS under {@code ledger/}. */
package org.picu.master.ledger;
