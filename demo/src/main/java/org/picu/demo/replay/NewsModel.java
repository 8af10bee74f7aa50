package org.picu.demo.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's news: for each news source, items at deterministic times (one per slot of the source's cadence, at a
 * seeded minute within it), each about one coin, with a tone that follows the coin's mood of the six-hour block
 * (so that news sentiment shifts, as the insights job looks for), written in the source's language from a few
 * headline patterns. The same item always has the same id, time and text.
 */
public final class NewsModel {
    /** The first slot of every cadence; item ids count slots from here. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    /** A news source of the demo: its cadence and language. */
    public enum Feed {
        COINNESS("coinness", Duration.ofMinutes(20), "ko", 240_000),
        SAVETICKER("saveticker", Duration.ofMinutes(30), "ko", 50_000),
        DEMOWIRE("demowire", Duration.ofMinutes(40), "en", 7_000);

        final String key;
        final Duration every;
        final String language;
        final long firstId;

        Feed(String key, Duration every, String language, long firstId) {
            this.key = key;
            this.every = every;
            this.language = language;
            this.firstId = firstId;
        }
    }

    /** The tone an item is written in. */
    public enum Tone { POSITIVE, NEGATIVE, NEUTRAL }

    /** One news item. */
    public record Item(long id, Feed feed, MarketModel.Coin coin, Tone tone, Instant publishedAt, String title,
            String content, List<String> tags) {
    }

    private static final String[][] KO_POSITIVE = {
        {"%s(%s) %s%% 급등… 매수세 유입", "%s 가격이 하루 만에 크게 올랐다. 거래소 순매수가 이어지며 투자심리가 개선됐다는 분석이 나온다."},
        {"%s, 기관 순매수에 강세", "기관 투자자의 %s 매수가 늘면서 상승세가 이어지고 있다. 시장에서는 추가 반등 기대감이 커지고 있다."},
        {"%s 현물 ETF 승인 기대감에 상승", "%s 현물 ETF 승인 가능성이 거론되며 자금 유입이 증가했다."},
        {"%s 네트워크 업그레이드 성공… 거래량 증가", "%s 메인넷 업그레이드가 성공적으로 마무리됐다. 거래량도 함께 증가했다."},
    };
    private static final String[][] KO_NEGATIVE = {
        {"%s(%s) %s%% 급락… 대규모 청산", "%s 가격이 급락하며 선물 시장에서 대규모 청산이 발생했다. 변동성 확대에 대한 우려가 커지고 있다."},
        {"%s, 규제 우려에 하락세", "규제 강화 소식에 %s 하락세가 이어졌다. 투자자들의 불안 심리가 확산되고 있다."},
        {"%s 거래소 출금 중단 소식에 약세", "일부 거래소의 %s 출금 중단 공지 이후 매도 압력이 커졌다."},
        {"%s 고래 매도 물량 출회… 하락 압력", "대형 지갑에서 거래소로 %s 물량이 이동하며 하락 압력이 커졌다."},
    };
    private static final String[][] KO_NEUTRAL = {
        {"%s 보합권 등락… 관망세", "%s 가격이 좁은 범위에서 움직이고 있다. 시장 참여자들은 다음 주 지표 발표를 기다리고 있다."},
        {"%s 재단, 개발자 컨퍼런스 일정 공개", "%s 재단이 내년 개발자 컨퍼런스 일정과 장소를 발표했다."},
    };
    private static final String[][] EN_POSITIVE = {
        {
            "%s (%s) jumps %s%% as buying pressure builds",
            "%s rallied through the session as exchange inflows rose and traders turned optimistic."
        },
        {
            "%s rallies on ETF approval hopes",
            "Analysts see room for further upside in %s as approval of a spot fund looks closer."
        },
        {
            "%s network upgrade goes live, traders upbeat",
            "The %s upgrade was activated without issues and on-chain demand picked up."
        },
        {
            "Funds holding %s see inflows climb",
            "Investment products tracking %s recorded strong inflows for a third day."
        },
    };
    private static final String[][] EN_NEGATIVE = {
        {
            "%s (%s) tumbles %s%% as liquidations mount",
            "%s slid sharply and leveraged positions were liquidated across exchanges, deepening the fear in the"
                    + " market."
        },
        {"%s slides on regulatory concerns", "%s fell as traders weighed a possible crackdown; volatility stayed high."
        },
        {
            "%s exchange outage sparks selloff",
            "An outage at a large venue left %s traders unable to withdraw, and prices dropped."
        },
        {
            "Whales dump %s as selling pressure grows",
            "Large holders moved %s to exchanges, and the price declined through the day."
        },
    };
    private static final String[][] EN_NEUTRAL = {
        {"%s trades flat ahead of US data", "%s moved in a narrow range while markets waited for US inflation figures."
        },
        {"%s foundation schedules developer call", "The %s foundation published the agenda of its next developer call."
        },
    };

    private final long seed;

    public NewsModel(long seed) {
        this.seed = seed;
    }

    /** The items of {@code feed} published in {@code (after, upTo]}, newest first, at most {@code limit}. */
    public List<Item> published(Feed feed, Instant after, Instant upTo, int limit) {
        List<Item> items = new ArrayList<>();
        long slot = Math.floorDiv(Duration.between(EPOCH, upTo).toMillis(), feed.every.toMillis());
        for (; items.size() < limit; slot--) {
            Item item = item(feed, slot);
            if (!item.publishedAt().isAfter(after)) {
                if (slotStart(feed, slot).plus(feed.every).isBefore(after)) {
                    break;
                }
                continue;
            }
            if (!item.publishedAt().isAfter(upTo)) {
                items.add(item);
            }
        }
        return items;
    }

    /** The newest items of {@code feed} published by {@code upTo}, newest first. */
    public List<Item> latest(Feed feed, Instant upTo, int limit) {
        return published(feed, Instant.MIN.plusSeconds(1), upTo, limit);
    }

    private static Instant slotStart(Feed feed, long slot) {
        return EPOCH.plusMillis(slot * feed.every.toMillis());
    }

    /** The item of a slot. */
    Item item(Feed feed, long slot) {
        String key = feed.key;
        long offsetSeconds = (long) (Seeded.unit(seed, key + ":minute", slot) * feed.every.toSeconds() * 0.8);
        Instant at = slotStart(feed, slot).plusSeconds(offsetSeconds);
        List<MarketModel.Coin> coins = MarketModel.COINS;
        // the majors get most of the news, as they do
        int pick = Seeded.below(seed, key + ":coin", slot, 16);
        MarketModel.Coin coin = coins.get(pick < 12 ? pick % 6 : pick - 6);
        Tone tone = tone(coin, at, Seeded.unit(seed, key + ":tone", slot));
        boolean korean = feed.language.equals("ko");
        String[][] patterns = switch (tone) {
            case POSITIVE -> korean ? KO_POSITIVE : EN_POSITIVE;
            case NEGATIVE -> korean ? KO_NEGATIVE : EN_NEGATIVE;
            case NEUTRAL -> korean ? KO_NEUTRAL : EN_NEUTRAL;
        };
        String[] pattern = patterns[Seeded.below(seed, key + ":pattern", slot, patterns.length)];
        String name = korean ? coin.koreanName().replaceAll("\\(.*\\)", "") : coin.englishName();
        String pct = String.format(Locale.ROOT, "%.1f", 3 + 9 * Seeded.unit(seed, key + ":pct", slot));
        String title = pattern[0].contains("(%s)") ? String.format(Locale.ROOT, pattern[0], name, coin.symbol(), pct)
                : String.format(Locale.ROOT, pattern[0], name);
        String content = String.format(Locale.ROOT, pattern[1], name);
        List<String> tags = korean ? List.of(name, coin.symbol()) : List.of(coin.englishName(), coin.symbol());
        return new Item(feed.firstId + slot, feed, coin, tone, at, title, content, tags);
    }

    /** The coin's mood in the six-hour block of {@code at} decides most items' tone; {@code roll} the rest. */
    private Tone tone(MarketModel.Coin coin, Instant at, double roll) {
        long block = Math.floorDiv(at.getEpochSecond(), 6 * 3600L);
        double mood = Seeded.unit(seed, coin.symbol() + ":mood", block);
        Tone regime = mood < 0.4 ? Tone.NEGATIVE : mood > 0.6 ? Tone.POSITIVE : Tone.NEUTRAL;
        if (roll < 0.75) {
            return regime;
        }
        return roll < 0.85 ? Tone.POSITIVE : roll < 0.95 ? Tone.NEGATIVE : Tone.NEUTRAL;
    }
}
