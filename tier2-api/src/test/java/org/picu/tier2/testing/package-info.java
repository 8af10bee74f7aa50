/** Test harness: one real MariaDB per test class, Parquet partition fixtures, an HTTP client for the API. */
package org.picu.tier2.testing;
