/**
 * What every job derived from published datasets shares: the driver ({@code DerivedDatasetJob}), its input format and
 * counters.
 */
package org.picu.jobs.derived;
