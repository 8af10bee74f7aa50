/** The whole pipeline in one process on one machine: the README's demo and the end-to-end test's driver. */
package org.picu.demo;
