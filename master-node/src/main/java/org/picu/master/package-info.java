/** The master node's commands: run the pipeline's jobs for a date on the configured cluster. */
package org.picu.master;
