package org.picu.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.picu.master.hadoopconf.HadoopConf;

/** The proof's Hadoop site files are render-conf's, with listed substitutions of the profile's own variables only. */
class HadoopDaemonsTest {
    private static final Pattern NAME = Pattern.compile("<name>([^<]+)</name>");

    @Test
    void the_proof_substitutes_only_ports_directories_the_class_path_and_named_overrides() throws Exception {
        Path work = Path.of("/proof-work");
        Map<String, String> substitutions = HadoopDaemons.substitutions(work.resolve("hadoop"), work.resolve("logs"),
                work.resolve("conf/hadoop"), new ProofClasspath(List.of("/build/a.jar", "/build/b.jar")));
        Map<String, String> profile = HadoopConf.profile(HadoopDaemons.PROFILE);
        Set<String> kinds = new TreeSet<>();
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            assertTrue(profile.containsKey(s.getKey()), s.getKey() + " is a variable of the profile");
            kinds.add(HadoopDaemons.kindOf(s.getKey()));
            if (HadoopDaemons.kindOf(s.getKey()).equals("directory") && !s.getKey().equals("java_home")) {
                assertTrue(s.getValue().replaceFirst("^file://", "").startsWith("/proof-work/"), s.toString());
            }
        }
        assertEquals(Set.of("port", "directory", "class path", "timing", "JVM flags"), kinds);
        assertEquals(Map.of("nm_heartbeat_interval_ms", "200", "nm_liveness_expiry_ms", "20000",
                "ipc_connect_max_retries", "3", "ipc_connect_retry_interval_ms", "500"), HadoopDaemons.TIMING);
        assertTrue(substitutions.get("map_java_opts").startsWith(profile.get("map_java_opts") + " "),
                "heaps stay the profile's");

        // the same settings as the profile's files, no property added or removed
        Map<String, String> plain = HadoopConf.render(profile);
        Map<String, String> proof = HadoopConf.render(HadoopDaemons.PROFILE, substitutions);
        assertEquals(plain.keySet(), proof.keySet());
        for (String file : plain.keySet()) {
            assertEquals(names(plain.get(file)), names(proof.get(file)), file);
        }
        String listed = HadoopDaemons.describe(substitutions);
        assertTrue(listed.contains("render-conf --profile pseudo-distributed"), listed);
        for (String name : substitutions.keySet()) {
            assertTrue(listed.contains(": " + name + "="), name + " is printed:\n" + listed);
        }
    }

    private static List<String> names(String xml) {
        Matcher m = NAME.matcher(xml);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
