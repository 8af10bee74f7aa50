/**
 * What every cleaning job shares: the driver ({@code CleaningJob}), the mapper and reducer frame, the raw-line
 * reader, the shuffle and Parquet row forms; each cleaned dataset's rules live in its own subpackage.
 */
package org.picu.jobs.clean;
