/**
 * The machinery every cleaning job shares, behind one seam, {@link org.picu.jobs.clean.io.CleaningRules}: the driver
 * ({@code CleaningJob}), the mapper (line to envelope to row), the shuffle form of a row ({@code RowWritable}), the
 * reducer that keeps one row per key and writes it with parquet-avro, rejects and published keys.
 */
package org.picu.jobs.clean.io;
