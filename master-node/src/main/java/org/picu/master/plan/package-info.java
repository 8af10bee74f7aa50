/** Deciding which partitions need a run: new or late raw files, or a newer upstream partition. */
package org.picu.master.plan;
