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
import java.util.Arrays;

/**
 * The few payload fields a dataset's rules read, taken straight from the parser: each value is the node
 * the payload's tree would hold (scalars built as Jackson's tree reader builds them, anything else read by
 * the tree reader itself), without building the payload's map and the nodes of fields no rule reads.
 * Reused from line to line by one mapper.
 */
public final class PayloadFields implements Payload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[] names;
    private final JsonNode[] values;

    /** @param names the fields the rules read; {@link #get} refuses any other */
    public PayloadFields(String... names) {
        this.names = names.clone();
        this.values = new JsonNode[names.length];
    }

    /** The field's node as the payload's tree holds it, or null when the payload has no such field. */
    @Override
    public JsonNode get(String field) {
        for (int i = 0; i < names.length; i++) {
            // The rules pass the same string constants the fields were declared with: identity usually decides.
            if (names[i] == field || names[i].equals(field)) {
                return values[i];
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
        Arrays.fill(values, null);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int i = indexOf(p.currentName());
            JsonToken value = p.nextToken();
            if (i < 0) {
                p.skipChildren();
                continue;
            }
            if (values[i] != null) {
                return false;
            }
            values[i] = node(p, value);
        }
        return t == JsonToken.END_OBJECT;
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
