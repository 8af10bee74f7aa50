package org.picu.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ansible-playbook and ansible-lint as the tests run them: state kept under target/, no colours. */
final class Ansible {
    private static final Pattern RECAP = Pattern.compile(
            "^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)", Pattern.MULTILINE);

    private final Repo repo;

    Ansible(Repo repo) {
        this.repo = repo;
    }

    Map<String, String> env() {
        Path home = repo.target().resolve("ansible-home");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ANSIBLE_CONFIG", repo.ansible.resolve("ansible.cfg").toString());
        env.put("ANSIBLE_HOME", home.toString());
        env.put("ANSIBLE_LOCAL_TEMP", home.resolve("tmp").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_FORCE_COLOR", "0");
        env.put("ANSIBLE_PIPELINING", "True");
        // facts gathered once per host and run instead of once per play (site.yml has up to four plays per host)
        env.put("ANSIBLE_GATHERING", "smart");
        env.put("ANSIBLE_CALLBACKS_ENABLED", "ansible.posix.profile_tasks");
        env.put("NO_COLOR", "1");
        return env;
    }

    Command playbook(String playbook, String... args) {
        List<String> argv = new ArrayList<>(List.of("ansible-playbook", playbook));
        argv.addAll(List.of(args));
        return Command.of(argv).in(repo.ansible).env(env());
    }

    Command lint() {
        // explicit paths: without them ansible-lint lints every YAML file of the git repository
        return Command.of("ansible-lint", "--offline", "--nocolor", "site.yml", "dev.yml", "vault.example.yml",
                "roles", "group_vars", "inventory").in(repo.ansible).env(env());
    }

    /** host -> {ok, changed, unreachable, failed} from the PLAY RECAP of a run's output. */
    static Map<String, int[]> recap(String output) {
        Map<String, int[]> hosts = new LinkedHashMap<>();
        Matcher m = RECAP.matcher(output);
        while (m.find()) {
            hosts.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))});
        }
        return hosts;
    }
}
