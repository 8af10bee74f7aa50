package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedHandlerTest {
    private static final ApiRequest REQUEST = new ApiRequest("GET", "/x", QueryParameters.parse(null));

    @Test
    void serves_the_last_success_until_it_expires() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CachedHandler cached = new CachedHandler(request -> ApiResponse.ok(calls.incrementAndGet()), Duration.ofMillis(200));
        ApiResponse first = cached.handle(REQUEST);
        assertSame(first, cached.handle(REQUEST));
        assertEquals(1, calls.get());
        Thread.sleep(250);
        assertEquals(2, cached.handle(REQUEST).body());
    }

    @Test
    void never_caches_an_error() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CachedHandler cached = new CachedHandler(request -> new ApiResponse(503, calls.incrementAndGet()), Duration.ofHours(1));
        cached.handle(REQUEST);
        cached.handle(REQUEST);
        assertEquals(2, calls.get());
    }
}
