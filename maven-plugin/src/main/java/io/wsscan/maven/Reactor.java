package io.wsscan.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.lifecycle.Lifecycle;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

import java.util.ArrayList;
import java.util.List;

/**
 * What the goals know about the reactor: its last project (where {@code aggregate} runs), whether the
 * aggregate goal will run there in this build, and the {@code check} failures held back until it has
 * written its report.
 *
 * <p>Held-back failures live in the last project's context values (shared by every mojo of one build,
 * also in parallel builds), as plain JDK types: a plugin realm is not guaranteed to be shared by every
 * module. Each access locks that project object.
 */
final class Reactor {

    /** The id of the aggregate goal. */
    static final String AGGREGATE = "aggregate";
    /** The default phase of {@code aggregate} (its {@code @Mojo} annotation). */
    static final String AGGREGATE_PHASE = "verify";

    private static final String HELD = "io.wsscan.maven.heldFailures";
    private static final String AGGREGATED = "io.wsscan.maven.aggregated";

    private Reactor() {
    }

    static MavenProject last(MavenSession session) {
        List<MavenProject> projects = session.getProjects();
        return projects.get(projects.size() - 1);
    }

    /**
     * The phase of {@code p}'s execution of this plugin's {@code goal} ({@code defaultPhase} when the
     * execution names none), or null when {@code p} declares none.
     */
    static String declaredPhase(MavenProject p, MojoExecution self, String goal, String defaultPhase) {
        for (Plugin plugin : p.getBuildPlugins()) {
            if (!self.getGroupId().equals(plugin.getGroupId()) || !self.getArtifactId().equals(plugin.getArtifactId())) {
                continue;
            }
            for (PluginExecution e : plugin.getExecutions()) {
                if (e.getGoals().contains(goal)) return e.getPhase() == null ? defaultPhase : e.getPhase();
            }
        }
        return null;
    }

    /** {@link #reaches(List, List, String)} with the phases of {@code phase}'s lifecycle. */
    static boolean reaches(List<String> tasks, DefaultLifecycles lifecycles, String phase) {
        Lifecycle lifecycle = lifecycles.get(phase);
        return lifecycle != null && reaches(tasks, lifecycle.getPhases(), phase);
    }

    /**
     * True when one of the build's tasks is {@code phase} or a later one of {@code phases} ({@code mvn
     * verify} and {@code mvn install} reach {@code verify}; {@code mvn package} and {@code mvn
     * wsscan:check} do not).
     */
    static boolean reaches(List<String> tasks, List<String> phases, String phase) {
        int target = phases.indexOf(phase);
        if (target < 0) return false;
        for (String task : tasks) {
            if (phases.indexOf(task) >= target) return true;
        }
        return false;
    }

    /**
     * Holds back a check failure for the aggregate goal of {@code last}; false when that aggregate has
     * already run (the caller must fail now).
     */
    @SuppressWarnings("unchecked")
    static boolean holdBack(MavenProject last, String failure) {
        synchronized (last) {
            if (last.getContextValue(AGGREGATED) != null) return false;
            List<String> held = (List<String>) last.getContextValue(HELD);
            if (held == null) {
                held = new ArrayList<>();
                last.setContextValue(HELD, held);
            }
            held.add(failure);
            return true;
        }
    }

    /** Marks the aggregate of {@code last} as done and returns the failures held back for it, in order. */
    @SuppressWarnings("unchecked")
    static List<String> takeHeldBack(MavenProject last) {
        synchronized (last) {
            last.setContextValue(AGGREGATED, Boolean.TRUE);
            List<String> held = (List<String>) last.getContextValue(HELD);
            last.setContextValue(HELD, null);
            return held == null ? List.of() : List.copyOf(held);
        }
    }
}
