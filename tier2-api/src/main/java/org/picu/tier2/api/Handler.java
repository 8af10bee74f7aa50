package org.picu.tier2.api;

/**
 * One endpoint: reads its parameters from the request and returns the response to serialise. May throw
 * {@link ApiException} for a client error; anything else becomes a 500 without details.
 */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
