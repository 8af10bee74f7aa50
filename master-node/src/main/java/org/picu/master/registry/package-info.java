/** Which job builds which dataset from which upstream datasets, and which of those jobs the job jar offers. */
package org.picu.master.registry;
