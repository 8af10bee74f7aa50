/** Service-level endpoints: {@code /} (name and version) and {@code /health} (database reachability). */
package org.picu.tier2.api.status;
