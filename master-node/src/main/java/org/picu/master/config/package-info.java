/** The master's configuration file, parsed and validated once at startup. */
package org.picu.master.config;
