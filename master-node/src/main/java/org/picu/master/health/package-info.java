/** {@code picu-master health}: small reusable checks (NameNode, ResourceManager, heartbeats, disk), one line each. */
package org.picu.master.health;
