package org.picu.jobs.clean.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of a reject output: the reason, a human-readable detail, where the line came from and the
 * line itself, whole (a bad record is data: an operator can inspect or replay it).
 */
public record RejectedLine(String reason, String detail, String inputFile, long offset, String line) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JSON line of the reject output. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("reason", reason);
        n.put("detail", detail);
        n.put("input_file", inputFile);
        n.put("offset", offset);
        n.put("line", line);
        return n.toString();
    }
}
