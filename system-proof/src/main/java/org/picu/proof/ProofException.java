package org.picu.proof;

/** The proof could not be carried out (a process did not come up, a wait timed out); not a failed check. */
public final class ProofException extends RuntimeException {
    public ProofException(String message) {
        super(message);
    }

    public ProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
