/** Submitting jobs through the Hadoop job API to whichever cluster the configuration names. */
package org.picu.master.submit;
