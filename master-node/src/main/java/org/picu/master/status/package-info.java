/** {@code picu-master status}: per dataset the last published day, lag, failures; per worker its heartbeat. */
package org.picu.master.status;
