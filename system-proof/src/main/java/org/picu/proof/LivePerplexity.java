package org.picu.proof;

import java.time.Instant;
import java.util.List;

/**
 * The Perplexity finance page, live: every answer is a new text snapshot of the same page. The spider makes one
 * news item per snapshot whose URL is the page's, so the cleaning job keeps one row for the page (the newest
 * snapshot of the day): every snapshot served has the same natural key, and only one row is expected.
 *
 * <p>The live site answers a crawler with a Cloudflare bot check (403, {@code cf-mitigated: challenge}); the
 * replay site {@code testkit/sites/perplexity} and the worker tests cover that answer. The proof serves the page a
 * browser gets instead: all its live sources share one loopback host, and a challenge would put that whole host,
 * every source with it, into the worker's 30-minute cool-down.
 */
final class LivePerplexity implements LiveSite.Source {
    static final String PATH = "/perplexity/finance/crypto";

    private final String baseUrl;
    private long snapshots;

    LivePerplexity(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String name() {
        return "perplexity";
    }

    @Override
    public String prefix() {
        return "/perplexity/";
    }

    @Override
    public LiveSite.Answer answer(String path) {
        if (!path.equals(PATH)) {
            return LiveSite.Answer.notFound();
        }
        long n = ++snapshots;
        Instant now = Instant.now();
        String html = "<html><head><meta name=\"keywords\" content=\"bitcoin, ethereum, crypto\"></head><body>"
                + "<nav>Home Finance Crypto</nav><main><h1>Crypto markets, snapshot " + n + "</h1>"
                + "<p>" + NewsText.content(n, now) + "</p><p>" + NewsText.title(n + 1) + " while "
                + NewsText.title(n + 2) + ".</p></main><footer>Perplexity</footer></body></html>\n";
        return new LiveSite.Answer(200, "text/html; charset=utf-8", html, true,
                List.of(new LiveSite.Item(NaturalKeys.newsByUrl(baseUrl + PATH), true)));
    }
}
