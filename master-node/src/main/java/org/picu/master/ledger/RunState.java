package org.picu.master.ledger;

/** How a run ended. */
public enum RunState {
    /** The job exited 0 and its partition is published. */
    SUCCEEDED,
    /** Every attempt failed; the last good partition (if any) is still published. */
    FAILED
}
