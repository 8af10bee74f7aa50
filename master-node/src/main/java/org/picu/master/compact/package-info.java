/** Compaction of raw directories: an hour of small uploaded files of one source and worker becomes one file. */
package org.picu.master.compact;
