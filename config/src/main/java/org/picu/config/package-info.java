/**
 * The YAML config reader the worker, master and tier-2 share: typed values, every problem at once, unknown keys are
 * errors.
 */
package org.picu.config;
