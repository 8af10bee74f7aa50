package org.picu.master.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.HdfsLayout;

/**
 * The last health run as {@code ledger/_health.json}, so tier-2's pipeline status can show the same checks
 * without reaching the cluster's daemons itself:
 * {@code {"checked_at": "...Z", "ok": false, "checks": [{"name": "namenode", "ok": true, "detail": "..."}]}}.
 */
public final class HealthReport {
    public static final String FILE_NAME = "_health.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthReport() {
    }

    public static String toJson(Instant checkedAt, List<CheckResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("checked_at", checkedAt.toString());
        root.put("ok", results.stream().allMatch(CheckResult::ok));
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : results) {
            checks.addObject().put("name", r.name()).put("ok", r.ok()).put("detail", r.detail());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the report under a temporary name and renames it over the previous one. */
    public static Path publish(FileSystem fs, HdfsLayout layout, Instant checkedAt, List<CheckResult> results)
            throws IOException {
        Path dir = new Path(layout.ledgerDir());
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "." + FILE_NAME + ".tmp");
        Path target = new Path(dir, FILE_NAME);
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(toJson(checkedAt, results).getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            throw new IOException("could not rename " + tmp + " to " + target);
        }
        return target;
    }
}
