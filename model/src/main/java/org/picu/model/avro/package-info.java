/** Avro schemas of the cleaned datasets, shared by the MapReduce jobs (writers) and the tier-2 loader (reader). */
package org.picu.model.avro;
