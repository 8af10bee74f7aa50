package org.picu.master.hadoopconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {{ name }}} placeholders, the subset of Jinja2 the templates use so that Ansible's
 * {@code template} module and this class render them identically. Anything else between braces (filters,
 * expressions) is refused rather than guessed.
 */
public final class TemplateRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}");

    private TemplateRenderer() {
    }

    /** Renders one template; every unknown variable and unsupported construct is added to {@code problems}. */
    public static String render(
            String templateName, String template, Map<String, String> values, List<String> problems) {
        Matcher other = ANY_BRACES.matcher(template);
        while (other.find()) {
            if (!PLACEHOLDER.matcher(other.group()).matches()) {
                problems.add(templateName + ": only plain {{ variable }} placeholders are supported, found "
                        + other.group());
            }
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                problems.add(templateName + ": variable '" + m.group(1) + "' has no value in the profile");
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The variable names a template uses. */
    public static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
