package org.picu.master.registry;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.hadoop.util.ProgramDriver;
import org.apache.hadoop.util.Tool;
import org.picu.jobs.PicuJobs;

/**
 * Reads the job classes out of {@link PicuJobs#driver()}, so the jar's own list is the single source of
 * which jobs exist. {@code ProgramDriver} has no lookup API and running a job through it calls the job's
 * {@code main}, which exits the JVM; so its table is read reflectively, once, and each class is then
 * instantiated as a {@link Tool} and run through {@code ToolRunner} in this process.
 */
final class DriverJobs {
    private DriverJobs() {
    }

    static Map<String, Supplier<Tool>> tools() {
        Map<String, Supplier<Tool>> tools = new TreeMap<>();
        try {
            ProgramDriver driver = PicuJobs.driver();
            Field programs = ProgramDriver.class.getDeclaredField("programs");
            programs.setAccessible(true);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) programs.get(driver)).entrySet()) {
                Field main = e.getValue().getClass().getDeclaredField("main");
                main.setAccessible(true);
                Class<?> jobClass = ((Method) main.get(e.getValue())).getDeclaringClass();
                if (Tool.class.isAssignableFrom(jobClass)) {
                    tools.put((String) e.getKey(), () -> instantiate(jobClass));
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the job list of " + PicuJobs.class.getName()
                    + " (is the mapreduce-jobs jar on the classpath and built against Hadoop 3.5?): " + e, e);
        }
        return tools;
    }

    private static Tool instantiate(Class<?> jobClass) {
        try {
            return (Tool) jobClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("job class " + jobClass.getName() + " needs a public no-argument constructor", e);
        }
    }
}
