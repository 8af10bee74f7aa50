package org.picu.worker.spider;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.picu.model.MalformedRecordException;

/**
 * A plain-text snapshot of the Perplexity finance page as one {@code news} item. Navigation, header,
 * footer, scripts and styles are dropped; so are lines of a bot check (Cloudflare, "Ray ID", "Verify you
 * are human", Korean captcha prompts) and repeated lines. The text is cut to {@code maxChars} at a line end.
 * The item id is a hash of url and text, so the same snapshot crawled twice has the same id.
 */
final class PerplexityParser {
    static final String DEFAULT_TITLE = "Perplexity Finance - Crypto";
    /** Less text than this is a challenge page or an empty shell, not a snapshot. */
    static final int MIN_CHARS = 50;
    private static final Pattern NOISE = Pattern.compile(
            "(?i).*(cloudflare|ray id|verify you are human|checking your browser|security of your connection"
                    + "|just a moment|enable javascript|captcha"
                    + "|사람인지 확인|로봇이 아닙니다|보안 확인).*");
    private static final String CHROME = "script, style, noscript, template, svg, nav, header, footer, aside, "
            + "[role=navigation], [aria-hidden=true], button";

    private PerplexityParser() {
    }

    /**
     * @throws MalformedRecordException {@code no_content} when fewer than {@link #MIN_CHARS} characters of
     *     text remain (e.g. a bot-check page)
     */
    static NewsItem snapshot(String html, URI pageUrl, int maxChars) throws MalformedRecordException {
        Document page = Jsoup.parse(html, pageUrl.toString());
        page.select(CHROME).remove();
        Element scope = Optional.ofNullable(page.selectFirst("main")).orElse(page.body());
        Set<String> lines = new LinkedHashSet<>();
        for (String line : PageText.of(scope).split("\n")) {
            if (!NOISE.matcher(line).matches()) {
                lines.add(line);
            }
        }
        String text = bounded(new ArrayList<>(lines), maxChars);
        if (text.length() < MIN_CHARS) {
            throw new MalformedRecordException("no_content", pageUrl + ": only " + text.length()
                    + " characters of text after removing noise (a bot check or an empty page)");
        }
        Element heading = scope.selectFirst("h1, h2");
        String title = heading == null || heading.text().isBlank() ? DEFAULT_TITLE : PageText.squash(heading.text());
        return new NewsItem(title, Optional.of(pageUrl.toString()), text, Optional.empty(), Optional.empty(),
                keywords(page), Optional.of(ContentId.of("pplx", pageUrl.toString(), text)));
    }

    private static String bounded(List<String> lines, int maxChars) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            int extra = (text.length() == 0 ? 0 : 1) + line.length();
            if (text.length() + extra > maxChars) {
                if (text.length() == 0) {
                    text.append(line, 0, maxChars);
                }
                break;
            }
            text.append(text.length() == 0 ? "" : "\n").append(line);
        }
        return text.toString();
    }

    private static List<String> keywords(Document page) {
        Set<String> words = new LinkedHashSet<>();
        Element meta = page.selectFirst("meta[name=keywords]");
        if (meta != null) {
            for (String w : meta.attr("content").split(",")) {
                String k = w.strip().toLowerCase(Locale.ROOT);
                if (k.length() > 1) {
                    words.add(k);
                }
            }
        }
        return List.copyOf(words);
    }
}
