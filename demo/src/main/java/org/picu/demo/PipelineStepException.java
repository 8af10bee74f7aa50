package org.picu.demo;

/** A stage of the local pipeline exited non-zero; its own log line says why. */
public class PipelineStepException extends RuntimeException {
    public PipelineStepException(String step, int exitCode) {
        super(step + " exited with code " + exitCode + " (see the log line above)");
    }
}
