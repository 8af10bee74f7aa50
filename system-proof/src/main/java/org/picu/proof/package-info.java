/**
 * The system proof: the whole pipeline as separate processes on one machine under a seeded fault schedule, then a
 * check that nothing served was lost, duplicated or left half-published (docs/reliability.md).
 */
package org.picu.proof;
