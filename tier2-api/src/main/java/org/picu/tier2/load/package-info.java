/** Loading published Parquet partitions from HDFS into MariaDB, each exactly once and all-or-nothing. */
package org.picu.tier2.load;
