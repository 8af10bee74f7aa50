/** {@code clean-news}: validate, normalise and deduplicate crawled news items into the {@code news} dataset. */
package org.picu.jobs.clean.news;
