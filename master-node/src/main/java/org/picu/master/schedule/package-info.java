/** The daemon: per-dataset cron schedules (UTC) and the loop that runs a cycle when datasets are due. */
package org.picu.master.schedule;
