/** Benchmarks of the jobs on the local job runner, run by {@code bench/mapreduce-clean.sh}; not tests. */
package org.picu.jobs.bench;
