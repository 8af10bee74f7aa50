package org.picu.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerHeartbeatTest {

    @Test
    void round_trips_through_json_including_absent_values() {
        WorkerHeartbeat fresh =
                new WorkerHeartbeat("w1", Instant.parse("2026-11-22T01:00:00Z"), null, 0, 0, null, Map.of());
        assertEquals(fresh, WorkerHeartbeat.fromJson(fresh.toJson()));
        WorkerHeartbeat busy = new WorkerHeartbeat("w2", Instant.parse("2026-11-22T01:00:00Z"),
                Instant.parse("2026-11-22T00:59:30Z"), 3, 4096, "20261121",
                Map.of("upbit", Instant.parse("2026-11-22T00:59:00Z")));
        assertEquals(busy, WorkerHeartbeat.fromJson(busy.toJson()));
        assertEquals("/x/heartbeats/w2.json", new HdfsLayout("/x").heartbeatFile("w2"));
        assertThrows(IllegalArgumentException.class, () -> WorkerHeartbeat.fromJson("{\"worker_id\":\"w\"}"));
    }

    @Test
    void carries_the_run_summaries_of_each_source() {
        SourceRuns blocked = new SourceRuns(3, 3, 0, Map.of("blocked_by_challenge", 3L),
                Instant.parse("2026-11-22T00:58:00Z"), SourceRuns.FAILED, Instant.parse("2026-11-22T00:58:00Z"),
                "blocked_by_challenge");
        SourceRuns fine = new SourceRuns(2, 0, 18, Map.of(), Instant.parse("2026-11-22T00:59:00Z"), SourceRuns.OK,
                null, null);
        WorkerHeartbeat beat = new WorkerHeartbeat("w1", Instant.parse("2026-11-22T01:00:00Z"), null, 0, 0, null,
                Map.of("upbit", Instant.parse("2026-11-22T00:59:00Z")), Map.of("perplexity", blocked, "upbit", fine));
        String json = beat.toJson();
        assertTrue(json.contains("\"blocked_by_challenge\" : 3"), json);
        WorkerHeartbeat read = WorkerHeartbeat.fromJson(json);
        assertEquals(beat, read);
        assertEquals(3, read.sources().get("perplexity").rejected());
    }

    @Test
    void a_heartbeat_from_before_run_summaries_reads_with_none() {
        String old = """
            {"worker_id":"w1","written_at":"2026-11-22T01:00:00Z","last_upload_at":null,"backlog_files":2,
             "backlog_bytes":10,"oldest_unshipped":"20261121","last_success":{"upbit":"2026-11-22T00:59:00Z"}}\
            """;
        WorkerHeartbeat read = WorkerHeartbeat.fromJson(old);
        assertEquals(Map.of(), read.sources());
        assertEquals(Instant.parse("2026-11-22T00:59:00Z"), read.lastSuccess().get("upbit"));
    }

    @Test
    void a_summary_that_contradicts_itself_is_not_a_heartbeat() {
        String json = new WorkerHeartbeat("w1", Instant.parse("2026-11-22T01:00:00Z"), null, 0, 0, null, Map.of(),
                Map.of("upbit", new SourceRuns(1, 1, 0, Map.of(), Instant.parse("2026-11-22T00:59:00Z"),
                        SourceRuns.FAILED, Instant.parse("2026-11-22T00:59:00Z"), "http_418"))).toJson();
        assertThrows(IllegalArgumentException.class,
                () -> WorkerHeartbeat.fromJson(json.replace("\"failed_runs\" : 1", "\"failed_runs\" : 7")));
        assertThrows(
                IllegalArgumentException.class,
                () -> WorkerHeartbeat.fromJson(
                        json.replace("\"last_outcome\" : \"failed\"", "\"last_outcome\" : \"maybe\"")));
    }
}
