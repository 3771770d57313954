package io.wsscan.deps;

import java.nio.file.Path;
import java.util.List;

/**
 * Which third-party code a scan reads at inventory depth ({@code --dependencies}).
 *
 * @param enabled read the installed runtime npm dependencies of the project and the webjars in {@code jars}
 * @param jars    jar files (a Maven runtime classpath, {@code --webjars}) searched for
 *                {@code META-INF/resources/webjars/NAME/VERSION/}; other jars are skipped
 */
public record DependencyOptions(boolean enabled, List<Path> jars) {

    public static final DependencyOptions NONE = new DependencyOptions(false, List.of());

    public DependencyOptions {
        jars = jars == null ? List.of() : List.copyOf(jars);
    }

    /** Dependencies on, with these jars (may be empty). */
    public static DependencyOptions of(List<Path> jars) {
        return new DependencyOptions(true, jars);
    }
}
