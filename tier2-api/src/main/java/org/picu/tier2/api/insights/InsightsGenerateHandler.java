package org.picu.tier2.api.insights;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.picu.tier2.api.ApiException;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.LoadTrigger;
import org.picu.tier2.api.SqlReader;
import org.picu.tier2.load.LoadReport;

/**
 * {@code POST /api/insights/generate} (bearer token): in this architecture insights are computed by the MapReduce
 * {@code insights} job, so "generate" loads every newly published partition (insights included) and reports the
 * insights that arrived, in the original's shape. One load at a time: a second request meanwhile gets 409.
 */
public final class InsightsGenerateHandler implements Handler {
    static final List<String> TYPES = List.of("sentiment_shift", "volume_spike", "trend_reversal");
    static final int MAX_LISTED = 100;
    static final String MAX_ID = "SELECT COALESCE(MAX(id), 0) AS id FROM crypto_insights";

    private final SqlReader sql;
    private final LoadTrigger loads;
    private final ReentrantLock running = new ReentrantLock();

    public InsightsGenerateHandler(SqlReader sql, LoadTrigger loads) {
        this.sql = requireNonNull(sql, "sql is null");
        this.loads = requireNonNull(loads, "loads is null");
    }

    /** The original's {@code status}, {@code generated} counts and {@code insights} lists, plus the load's summary. */
    public record Representation(String status, Map<String, Integer> generated, Map<String, List<InsightRow>> insights,
            Load load) {
    }

    /** What the load did; failures are counted here and detailed only in the server log. */
    public record Load(int loaded, int skipped, int failed, long rows,
            @JsonProperty("insights_new") int insightsNew) {
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws Exception {
        if (!running.tryLock()) {
            throw ApiException.conflict("a load is running already; try again when it has finished");
        }
        try {
            long before = sql.list(MAX_ID, row -> row.getLong("id")).get(0);
            LoadReport report = loads.loadNow();
            // new insights get new ids: rows whose key existed are updated in place and keep theirs
            List<InsightRow> fresh =
                    sql.list(InsightRow.COLUMNS + "WHERE id > ? ORDER BY id", InsightRow::read, before);
            Map<String, Integer> generated = new LinkedHashMap<>();
            Map<String, List<InsightRow>> lists = new LinkedHashMap<>();
            for (String type : TYPES) {
                List<InsightRow> ofType = fresh.stream().filter(i -> i.type().equals(type)).toList();
                generated.put(type, ofType.size());
                lists.put(type, ofType.stream().limit(MAX_LISTED).toList());
            }
            String status = report.failed() == 0 ? "success" : "partial";
            return ApiResponse.ok(new Representation(status, generated, lists,
                    new Load(report.loaded(), report.skipped(), report.failed(), report.rows(), fresh.size())));
        } finally {
            running.unlock();
        }
    }
}
