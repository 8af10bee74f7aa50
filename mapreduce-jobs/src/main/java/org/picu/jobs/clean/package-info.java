/**
 * The cleaning jobs: one subpackage per cleaned dataset ({@code market}, {@code news}, {@code feargreed}), each with
 * its rules ({@code *Rules}), keys and job; their shared machinery in {@code io}; the raw-directory listing the
 * master also uses ({@code RawDirectory}, {@code RawInputs}) and the counters every cleaning job reports.
 */
package org.picu.jobs.clean;
