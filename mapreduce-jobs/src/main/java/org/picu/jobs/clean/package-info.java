/** Cleaning jobs: validate, normalise and deduplicate raw crawl records into Parquet datasets. */
package org.picu.jobs.clean;
