/** The crawl record envelope every stage reads and writes: one JSON line per record. */
package org.picu.model;
