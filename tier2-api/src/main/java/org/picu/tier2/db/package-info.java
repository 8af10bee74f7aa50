/** The MariaDB side of tier-2: the embedded server, the connection pool and the schema migrations. */
package org.picu.tier2.db;
