package org.picu.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerHeartbeatTest {

    @Test
    void round_trips_through_json_including_absent_values() {
        WorkerHeartbeat fresh = new WorkerHeartbeat("w1", Instant.parse("2026-11-22T01:00:00Z"), null, 0, 0, null, Map.of());
        assertEquals(fresh, WorkerHeartbeat.fromJson(fresh.toJson()));
        WorkerHeartbeat busy = new WorkerHeartbeat("w2", Instant.parse("2026-11-22T01:00:00Z"),
                Instant.parse("2026-11-22T00:59:30Z"), 3, 4096, "20261121",
                Map.of("upbit", Instant.parse("2026-11-22T00:59:00Z")));
        assertEquals(busy, WorkerHeartbeat.fromJson(busy.toJson()));
        assertEquals("/x/heartbeats/w2.json", new HdfsLayout("/x").heartbeatFile("w2"));
        assertThrows(IllegalArgumentException.class, () -> WorkerHeartbeat.fromJson("{\"worker_id\":\"w\"}"));
    }
}
