/** A transparent, operator-extensible lexicon scorer for Korean and English finance news. */
package org.picu.jobs.sentiment;
