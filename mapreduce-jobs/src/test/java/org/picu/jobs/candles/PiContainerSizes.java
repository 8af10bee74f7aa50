package org.picu.jobs.candles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The MapReduce container sizes of a Pi 4 worker, read from the Ansible profile
 * {@code conf/hadoop/profiles/pi4-cluster.yml} that renders {@code mapred-site.xml}, so the cluster tests run
 * with what the cluster gets. Without that file (a checkout of this module alone) these Pi 4 sizes apply:
 * 512 MB maps, 768 MB reduces, a 512 MB application master, heaps at ~80 %.
 */
public final class PiContainerSizes {
    private static final Path PROFILE = Paths.get("..", "conf", "hadoop", "profiles", "pi4-cluster.yml");

    private PiContainerSizes() {
    }

    /** Sets map, reduce and AM memory and heap options on {@code conf}. */
    public static Configuration apply(Configuration conf) {
        Map<String, String> p = profile();
        conf.setInt("mapreduce.map.memory.mb", Integer.parseInt(p.getOrDefault("map_memory_mb", "512")));
        conf.set("mapreduce.map.java.opts", p.getOrDefault("map_java_opts", "-Xmx410m"));
        conf.setInt("mapreduce.reduce.memory.mb", Integer.parseInt(p.getOrDefault("reduce_memory_mb", "768")));
        conf.set("mapreduce.reduce.java.opts", p.getOrDefault("reduce_java_opts", "-Xmx614m"));
        conf.setInt("yarn.app.mapreduce.am.resource.mb", Integer.parseInt(p.getOrDefault("am_memory_mb", "512")));
        conf.set("yarn.app.mapreduce.am.command-opts", p.getOrDefault("am_java_opts", "-Xmx410m"));
        return conf;
    }

    /** The profile's top-level {@code key: value} lines (it is flat YAML). */
    private static Map<String, String> profile() {
        Map<String, String> values = new HashMap<>();
        if (!Files.exists(PROFILE)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(PROFILE)) {
                int colon = line.indexOf(':');
                if (!line.startsWith(" ") && !line.startsWith("#") && colon > 0) {
                    values.put(
                            line.substring(0, colon).strip(),
                            line.substring(colon + 1).strip().replaceAll("^\"|\"$", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
