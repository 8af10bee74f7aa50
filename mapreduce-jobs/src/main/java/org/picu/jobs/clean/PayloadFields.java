package org.picu.jobs.clean;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The few payload fields a dataset's rules read, taken straight from the parser: each value is the node
 * the payload's tree would hold (scalars built as Jackson's tree reader builds them, anything else read by
 * the tree reader itself), without building the payload's map and the nodes of fields no rule reads.
 * Fields named by {@link #keepingUtf8} keep a string value without escapes as its place in the line, so the
 * rules can take its bytes ({@link #utf8}) instead of a decoded string. Reused from line to line by one
 * mapper: a value is read before the next line is.
 */
public final class PayloadFields implements Payload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[] names;
    private final JsonNode[] values;
    private final boolean[] keepUtf8;
    /** Where a kept string's bytes start and end in {@link #line}; start is -1 when none is kept. */
    private final int[] utf8Start;
    private final int[] utf8End;
    private byte[] line;

    /** @param names the fields the rules read; {@link #get} refuses any other */
    public PayloadFields(String... names) {
        this(names, new boolean[names.length]);
    }

    private PayloadFields(String[] names, boolean[] keepUtf8) {
        this.names = names.clone();
        this.values = new JsonNode[names.length];
        this.keepUtf8 = keepUtf8;
        this.utf8Start = new int[names.length];
        this.utf8End = new int[names.length];
        Arrays.fill(utf8Start, -1);
    }

    /** These fields, of which {@code kept} also give their strings' bytes ({@link #utf8}). */
    public PayloadFields keepingUtf8(String... kept) {
        boolean[] keep = keepUtf8.clone();
        for (String name : kept) {
            keep[declared(name)] = true;
        }
        return new PayloadFields(names, keep);
    }

    /** The field's node as the payload's tree holds it, or null when the payload has no such field. */
    @Override
    public JsonNode get(String field) {
        int i = declared(field);
        if (values[i] == null && utf8Start[i] >= 0) {
            values[i] =
                    TextNode.valueOf(new String(line, utf8Start[i], utf8End[i] - utf8Start[i], StandardCharsets.UTF_8));
        }
        return values[i];
    }

    @Override
    public Utf8Text utf8(String field) {
        int i = declared(field);
        return utf8Start[i] < 0 ? null : Utf8Text.ofUtf8(Arrays.copyOfRange(line, utf8Start[i], utf8End[i]));
    }

    private int declared(String field) {
        for (int i = 0; i < names.length; i++) {
            // The rules pass the same string constants the fields were declared with: identity usually decides.
            if (names[i] == field || names[i].equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException("payload field '" + field + "' was not declared to be read");
    }

    /**
     * Reads the payload object the parser is on ({@code START_OBJECT}) up to its end.
     *
     * @return false when a declared field appears twice (the tree keeps the last; left to the tree reader)
     */
    boolean read(JsonParser p) throws IOException {
        return read(p, null, 0);
    }

    /**
     * As {@link #read(JsonParser)}, with the bytes the parser reads ({@code length} of them from index 0), so that
     * the strings of the fields named by {@link #keepingUtf8} are kept as their place in them.
     */
    boolean read(JsonParser p, byte[] utf8, int length) throws IOException {
        Arrays.fill(values, null);
        Arrays.fill(utf8Start, -1);
        line = utf8;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int i = indexOf(p.currentName());
            JsonToken value = p.nextToken();
            if (i < 0) {
                p.skipChildren();
                continue;
            }
            if (values[i] != null || utf8Start[i] >= 0) {
                return false;
            }
            if (!(value == JsonToken.VALUE_STRING && keepUtf8[i] && utf8 != null && keep(p, i, length))) {
                values[i] = node(p, value);
            }
        }
        return t == JsonToken.END_OBJECT;
    }

    /**
     * Notes where the string the parser is on lies in {@link #line}, unless it holds an escape (then its bytes are
     * not its text). The parser has not decoded it and will not: skipping it, it still checks it is well-formed.
     */
    private boolean keep(JsonParser p, int i, int length) {
        long quote = p.currentTokenLocation().getByteOffset();
        if (quote < 0 || quote >= length || line[(int) quote] != '"') {
            return false;
        }
        int start = (int) quote + 1;
        int end = start;
        while (end < length && line[end] != '"' && line[end] != '\\') {
            end++;
        }
        if (end == length || line[end] != '"') {
            return false;
        }
        utf8Start[i] = start;
        utf8End[i] = end;
        return true;
    }

    private int indexOf(String name) {
        // Jackson interns field names and the declared names are constants: identity finds a declared field
        // without comparing characters; equals decides the rest (a parser that does not intern, an unknown field).
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** What {@code JsonNodeDeserializer} builds for the value the parser is on. */
    private static JsonNode node(JsonParser p, JsonToken value) throws IOException {
        switch (value) {
            case VALUE_STRING:
                return TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = p.getNumberType();
                if (type == JsonParser.NumberType.INT) {
                    return IntNode.valueOf(p.getIntValue());
                }
                if (type == JsonParser.NumberType.LONG) {
                    return LongNode.valueOf(p.getLongValue());
                }
                break;
            case VALUE_NUMBER_FLOAT:
                // JSON text never says float32 or big decimal: the tree reader takes the double.
                if (p.getNumberTypeFP() == JsonParser.NumberTypeFP.UNKNOWN) {
                    return DoubleNode.valueOf(p.getDoubleValue());
                }
                break;
            case VALUE_NULL:
                return NullNode.getInstance();
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            default:
                break;
        }
        // Objects, arrays, big integers: the tree reader itself.
        JsonNode node = JSON.readTree(p);
        return node == null ? NullNode.getInstance() : node;
    }
}
