package org.picu.worker.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Turns a robots.txt answer into rules, following RFC 9309: a 2xx body is parsed (with crawler-commons); any
 * other 4xx means there are no rules (allow all); a 429, a 5xx or no answer at all means the site cannot say
 * what it allows, so the host is deferred (see {@link #unreachable}).
 */
final class RobotsPolicy {
    /** RFC 9309 asks crawlers to parse at least 500 KiB. */
    static final long MAX_ROBOTS_BYTES = 512 * 1024;

    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final List<String> agentNames;

    RobotsPolicy(String userAgent) {
        this.agentNames = List.of(productToken(userAgent));
    }

    /** The robots.txt URL of the site of {@code url}. */
    static URI robotsUrl(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/robots.txt");
    }

    /** Rules for a robots.txt answer with this status and body. */
    BaseRobotRules fromAnswer(URI robotsUrl, int status, byte[] body, String contentType) {
        if (status >= 200 && status < 300) {
            return parser.parseContent(robotsUrl.toString(), body, contentType, agentNames);
        }
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }

    /** True when the status means "ask again later" rather than "no rules". */
    static boolean unreachable(int status) {
        return status == 429 || status >= 500;
    }

    /** {@code PICU-crawler/0.1 (+https://...)} is matched in robots.txt as {@code picu-crawler}. */
    static String productToken(String userAgent) {
        String first = userAgent.trim().split("[\\s/]", 2)[0];
        return first.toLowerCase(Locale.ROOT);
    }
}
