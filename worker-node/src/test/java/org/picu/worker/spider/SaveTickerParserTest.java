package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every case in {@code fixtures/saveticker/} against the expected records beside it. */
class SaveTickerParserTest {
    private static final String SOURCE = "saveticker";
    private static final URI BOARD = URI.create("https://www.saveticker.com/app/news");

    @ParameterizedTest
    @ValueSource(strings = {"board_normal", "board_empty", "board_changed_layout", "board_truncated"})
    void boards(String fixtureCase) {
        Fixtures.assertParsed(SOURCE, fixtureCase, parse(fixtureCase, 100));
    }

    /**
     * Regression for the original's defect §9.2: every item carried the board's URL and the duplicate filter
     * kept one item per run. Each card must come out as its own item with its own id, and none may use the
     * board's address as its url — even two cards with the same title.
     */
    @Test
    void cardsAreNeverCollapsedIntoOneItem() {
        Parsed<ObjectNode> parsed = parse("board_normal", 100);

        Set<String> ids = new HashSet<>();
        parsed.items().forEach(p -> ids.add(p.get("item_id").asText()));
        assertEquals(7, parsed.items().size());
        assertEquals(7, ids.size(), "every item has its own id: " + ids);
        parsed.items().forEach(p -> assertFalse(p.path("url").asText().equals(BOARD.toString()), p.toString()));
    }

    @Test
    void maxItemsBoundsTheItemsTaken() {
        assertEquals(2, parse("board_normal", 2).items().size());
    }

    private static Parsed<ObjectNode> parse(String fixtureCase, int maxItems) {
        return SaveTickerParser.board(Fixtures.text(SOURCE, fixtureCase + ".html"), BOARD, Fixtures.CRAWLED_AT, maxItems);
    }
}
