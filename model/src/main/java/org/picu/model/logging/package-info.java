/** The logging setup every PICU process shares. */
package org.picu.model.logging;
