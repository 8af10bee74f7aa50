/** Spiders: one class per source behind a small interface, registered in an explicit list. */
package org.picu.worker.spider;
