package org.picu.tier2.api;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.picu.tier2.api.alerts.AlertsHandler;
import org.picu.tier2.api.dashboard.DashboardSummaryHandler;
import org.picu.tier2.api.dashboard.SentimentTimelineHandler;
import org.picu.tier2.api.dashboard.StaticResourceHandler;
import org.picu.tier2.api.docs.OpenApiHandler;
import org.picu.tier2.api.indicators.IndicatorHistoryHandler;
import org.picu.tier2.api.indicators.TechnicalIndicatorsHandler;
import org.picu.tier2.api.insights.InsightsGenerateHandler;
import org.picu.tier2.api.insights.InsightsRecentHandler;
import org.picu.tier2.api.market.CandlesHandler;
import org.picu.tier2.api.market.FearGreedHandler;
import org.picu.tier2.api.market.KnownSymbols;
import org.picu.tier2.api.market.LatestMarket;
import org.picu.tier2.api.market.MarketTrendsHandler;
import org.picu.tier2.api.market.MarketTrendsQuery;
import org.picu.tier2.api.metrics.MetricsHandler;
import org.picu.tier2.api.metrics.RequestMetrics;
import org.picu.tier2.api.news.NewsLatestHandler;
import org.picu.tier2.api.news.NewsSentimentHandler;
import org.picu.tier2.api.pipeline.PipelineStatusHandler;
import org.picu.tier2.api.status.HealthHandler;
import org.picu.tier2.api.status.RootHandler;

/**
 * The endpoints tier-2 serves; a new endpoint is one more line here, a {@code *Handler}, and its entry in
 * {@code openapi.json} (a test fails until it is there).
 */
public final class ApiRoutes {
    private static final String DASHBOARD = "/org/picu/tier2/api/dashboard/";
    /** How long one evaluation of the dashboard summary is served; its data changes at most once per load. */
    static final Duration SUMMARY_CACHE = Duration.ofSeconds(1);

    private ApiRoutes() {
    }

    /** The routes over a database alone (no loading, no file system); see {@link ApiContext#databaseOnly}. */
    public static Router standard(DataSource dataSource, String version) {
        return standard(ApiContext.databaseOnly(dataSource, version));
    }

    public static Router standard(ApiContext context) {
        DataSource dataSource = context.dataSource();
        Clock clock = context.clock();
        SqlReader sql = new SqlReader(dataSource);
        KnownSymbols symbols = new KnownSymbols(sql, clock);
        LatestMarket market = new LatestMarket(sql);
        FearGreedHandler fearGreed = new FearGreedHandler(sql, clock);
        RequestMetrics metrics = new RequestMetrics();
        LoadTrigger loads = context.loads().orElse(() -> {
            throw ApiException.unavailable("this process does not load partitions; run tier2 load");
        });
        return Router.builder()
                .token(context.api().token())
                .corsOrigins(context.api().corsOrigins())
                .metrics(metrics)
                .get("/", new RootHandler(context.version()))
                .get("/health", new HealthHandler(dataSource, clock))
                .get("/api/dashboard/summary", new CachedHandler(new DashboardSummaryHandler(sql, market, fearGreed, clock),
                        SUMMARY_CACHE))
                .get("/api/dashboard/sentiment-timeline", new SentimentTimelineHandler(sql, clock))
                .get("/api/news/latest", new NewsLatestHandler(sql))
                .get("/api/news/{id}/sentiment", new NewsSentimentHandler(sql))
                .get("/api/insights/recent", new InsightsRecentHandler(sql))
                .post("/api/insights/generate", new InsightsGenerateHandler(sql, loads))
                .get("/api/market/trends", new MarketTrendsHandler(new MarketTrendsQuery(dataSource), symbols))
                .get("/api/candles/{symbol}", new CandlesHandler(sql, symbols))
                .get("/api/fear-greed", fearGreed)
                .get("/api/technical-indicators/{symbol}", new TechnicalIndicatorsHandler(sql, symbols, clock))
                .get("/api/technical-indicators/{symbol}/history", new IndicatorHistoryHandler(sql, symbols, clock))
                .get("/api/alerts", new AlertsHandler(sql, market, symbols, context.api().alerts()))
                .get("/api/pipeline/status", new PipelineStatusHandler(sql, context.fileSystems(), context.layout(), clock))
                .get("/openapi.json", new OpenApiHandler())
                .get("/metrics", new MetricsHandler(metrics, dataSource))
                .get("/dashboard", new StaticResourceHandler(DASHBOARD + "index.html", "text/html; charset=utf-8"))
                .get("/dashboard/app.js", new StaticResourceHandler(DASHBOARD + "app.js", "text/javascript; charset=utf-8"))
                .get("/dashboard/app.css", new StaticResourceHandler(DASHBOARD + "app.css", "text/css; charset=utf-8"))
                .build();
    }
}
