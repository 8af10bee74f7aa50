/** The HTTP API: a JDK HttpServer, an explicit route table, and the error responses every endpoint shares. */
package org.picu.tier2.api;
