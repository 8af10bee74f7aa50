package org.picu.worker.spider;

import java.util.List;

/**
 * What a parser got out of one page: the usable items and, for each unusable one, why it was skipped.
 *
 * @param items usable items in page order
 * @param rejections skipped items (or the whole page) with the reason
 * @param <T> the item type, usually a payload
 */
public record Parsed<T>(List<T> items, List<Rejection> rejections) {
    public Parsed {
        items = List.copyOf(items);
        rejections = List.copyOf(rejections);
    }

    /** A page that yielded nothing at all, for one reason. */
    static <T> Parsed<T> rejected(String reason, String detail) {
        return new Parsed<>(List.of(), List.of(new Rejection(reason, detail)));
    }
}
