/** Publishing a job's output: per-partition locks, manifests and the staging-to-final rename. */
package org.picu.jobs.publish;
