/** The worker agent: command-line entry point wiring config, spiders, spool and uploader. */
package org.picu.worker;
