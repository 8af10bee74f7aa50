package org.picu.tier2.api;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.picu.tier2.api.alerts.AlertsHandler;
import org.picu.tier2.api.dashboard.DashboardSummaryHandler;
import org.picu.tier2.api.dashboard.SentimentTimelineHandler;
import org.picu.tier2.api.dashboard.StaticResourceHandler;
import org.picu.tier2.api.docs.OpenApiHandler;
import org.picu.tier2.api.docs.SwaggerUi;
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
 * {@code openapi.json} (a test fails until it is there). Read endpoints whose answer depends only on the request and
 * the loaded data are {@code cachedGet}: with {@code api.cache.enabled} they answer from the {@link ResponseCache}.
 * Not cached: health and metrics (they report the process), the pipeline status (it reads HDFS), static files (bytes
 * already) and POST.
 */
public final class ApiRoutes {
    private static final String DASHBOARD = "/org/picu/tier2/api/dashboard/";
    private static final String DOCS = "/org/picu/tier2/api/docs/";

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
        RequestMetrics metrics = RequestMetrics.create();
        Optional<ResponseCache> cache = context.api().cache().enabled()
                ? Optional.of(ResponseCache.start(dataSource, context.api().cache())) : Optional.empty();
        LoadTrigger loads = context.loads().<LoadTrigger>map(trigger -> () -> {
            try {
                return trigger.loadNow();
            } finally {
                cache.ifPresent(ResponseCache::dataChanged); // even a failed run may have loaded some partitions
            }
        }).orElse(() -> {
            throw ApiException.unavailable("this process does not load partitions; run tier2 load");
        });
        Router.Builder routes = Router.builder();
        cache.ifPresent(routes::cache);
        return routes.token(context.api().token())
                .corsOrigins(context.api().corsOrigins())
                .metrics(metrics)
                .get("/", new RootHandler(context.version()))
                .get("/health", new HealthHandler(dataSource, clock))
                .cachedGet("/api/dashboard/summary", new DashboardSummaryHandler(sql, market, fearGreed, clock))
                .cachedGet("/api/dashboard/sentiment-timeline", new SentimentTimelineHandler(sql, clock))
                .cachedGet("/api/news/latest", new NewsLatestHandler(sql))
                .cachedGet("/api/news/{id}/sentiment", new NewsSentimentHandler(sql))
                .cachedGet("/api/insights/recent", new InsightsRecentHandler(sql))
                .post("/api/insights/generate", new InsightsGenerateHandler(sql, loads))
                .cachedGet("/api/market/trends", new MarketTrendsHandler(new MarketTrendsQuery(dataSource), symbols))
                .cachedGet("/api/candles/{symbol}", new CandlesHandler(sql, symbols))
                .cachedGet("/api/fear-greed", fearGreed)
                .cachedGet("/api/technical-indicators/{symbol}", new TechnicalIndicatorsHandler(sql, symbols, clock))
                .cachedGet(
                        "/api/technical-indicators/{symbol}/history", new IndicatorHistoryHandler(sql, symbols, clock))
                .cachedGet(
                        "/api/alerts",
                        new AlertsHandler(sql, market, symbols, context.api().alerts()))
                .get(
                        "/api/pipeline/status",
                        new PipelineStatusHandler(sql, context.fileSystems(), context.layout(), clock))
                .get("/openapi.json", new OpenApiHandler())
                .get("/metrics", new MetricsHandler(metrics, dataSource))
                .get("/dashboard", new StaticResourceHandler(DASHBOARD + "index.html", "text/html; charset=utf-8"))
                .get(
                        "/dashboard/app.js",
                        new StaticResourceHandler(DASHBOARD + "app.js", "text/javascript; charset=utf-8"))
                .get("/dashboard/app.css", new StaticResourceHandler(DASHBOARD + "app.css", "text/css; charset=utf-8"))
                .get("/docs", new StaticResourceHandler(DOCS + "index.html", "text/html; charset=utf-8"))
                .get("/docs/docs.js", new StaticResourceHandler(DOCS + "docs.js", "text/javascript; charset=utf-8"))
                .get(
                        "/docs/swagger-ui.css",
                        new StaticResourceHandler(SwaggerUi.resource("swagger-ui.css"), "text/css; charset=utf-8"))
                .get(
                        "/docs/swagger-ui-bundle.js",
                        new StaticResourceHandler(
                                SwaggerUi.resource("swagger-ui-bundle.js"), "text/javascript; charset=utf-8"))
                .build();
    }
}
