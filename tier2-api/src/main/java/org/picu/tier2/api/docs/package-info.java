/** The API's own description: the hand-written OpenAPI document at {@code /openapi.json}. */
package org.picu.tier2.api.docs;
