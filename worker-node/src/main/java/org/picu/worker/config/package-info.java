/** Worker configuration: one YAML file parsed once into immutable, validated records. */
package org.picu.worker.config;
