/** Benchmarks run by bench/worker-pi-budget.sh (not tests). */
package org.picu.worker.bench;
