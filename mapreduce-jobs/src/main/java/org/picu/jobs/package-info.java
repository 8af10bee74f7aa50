/** The job jar's entry point: one {@code ProgramDriver} that names every job. */
package org.picu.jobs;
