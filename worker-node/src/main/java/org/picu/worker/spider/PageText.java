package org.picu.worker.spider;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text of an HTML element: block elements become lines, runs of white space become one space, and
 * script, style and similar non-content elements are left out. The original stored raw HTML as article
 * content; this is what it should have stored.
 */
final class PageText {
    private static final String NOT_TEXT = "script, style, noscript, template, svg, iframe, form, button";

    private PageText() {
    }

    /** The element's text, one line per block, without touching the element. */
    static String of(Element element) {
        Element copy = element.clone();
        copy.select(NOT_TEXT).remove();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    line.append(text.getWholeText());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    flush(line, lines);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    flush(line, lines);
                }
            }
        }, copy);
        flush(line, lines);
        return String.join("\n", lines);
    }

    /** Collapses white space (including no-break spaces) to single spaces and trims. */
    static String squash(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static void flush(StringBuilder line, List<String> lines) {
        String text = squash(line.toString());
        if (!text.isEmpty()) {
            lines.add(text);
        }
        line.setLength(0);
    }
}
