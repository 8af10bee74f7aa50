/** The dashboard: its JSON endpoints (summary, sentiment timeline) and the page itself with its script and style. */
package org.picu.tier2.api.dashboard;
