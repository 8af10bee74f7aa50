/** Shipping complete spool files to HDFS {@code /raw} with a temporary name and a rename. */
package org.picu.worker.upload;
