/** Tier-2 configuration: one YAML file parsed once into immutable, validated records. */
package org.picu.tier2.config;
