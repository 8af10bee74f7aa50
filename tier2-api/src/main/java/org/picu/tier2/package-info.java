/** Tier-2 entry points: the {@code tier2} command line and {@link org.picu.tier2.Tier2Service} for embedding. */
package org.picu.tier2;
