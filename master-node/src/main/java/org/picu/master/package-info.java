/** The master node's commands: daemon, cycle, run-date, backfill, status, health, render-conf. */
package org.picu.master;
