package org.picu.testkit.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves only the elements of a recorded JSON array that a query parameter asks for, in recorded order.
 *
 * <p>Real APIs such as Upbit's {@code /v1/ticker?markets=A,B} answer with just the requested items; a
 * replay that always returned the whole recording would hide batching bugs in the spider.
 */
final class ArraySelector {
    /** Decimals stay exact so that a replayed price is byte-for-byte the recorded number. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final String param;
    private final String field;
    private final ArrayNode recorded;
    private final byte[] missBody;
    private final int missStatus;

    private ArraySelector(String param, String field, ArrayNode recorded, byte[] missBody, int missStatus) {
        this.param = param;
        this.field = field;
        this.recorded = recorded;
        this.missBody = missBody;
        this.missStatus = missStatus;
    }

    /**
     * @param param the query parameter holding a comma-separated list of wanted keys
     * @param field the element field compared with those keys
     * @param recordedBody the recorded response, which must be a JSON array
     * @param missBody what to answer when nothing matches (or the parameter is absent)
     * @param missStatus the status code for that answer
     */
    static ArraySelector of(String param, String field, byte[] recordedBody, byte[] missBody, int missStatus,
                            String where) {
        JsonNode tree;
        try {
            tree = JSON.readTree(recordedBody);
        } catch (IOException e) {
            throw new ReplayException(where + " is not valid JSON: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isArray()) {
            throw new ReplayException(where + " must be a JSON array to be filtered by '" + param + "'");
        }
        return new ArraySelector(param, field, (ArrayNode) tree, missBody, missStatus);
    }

    /** The selected elements, or empty if the request asked for nothing that was recorded. */
    Optional<byte[]> select(java.util.Map<String, String> params) {
        String wanted = params.get(param);
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        Set<String> keys = Arrays.stream(wanted.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode element : recorded) {
            JsonNode key = element.get(field);
            if (key != null && keys.contains(key.asText())) {
                out.add(element);
            }
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsBytes(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }

    byte[] missBody() {
        return missBody;
    }

    int missStatus() {
        return missStatus;
    }
}
