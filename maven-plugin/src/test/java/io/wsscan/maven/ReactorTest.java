package io.wsscan.maven;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReactorTest {

    private static final List<String> DEFAULT = List.of("validate", "initialize", "compile", "test", "package",
            "pre-integration-test", "integration-test", "post-integration-test", "verify", "install", "deploy");

    @Test
    void aBuildReachesAPhaseThroughItOrALaterOne() {
        assertTrue(Reactor.reaches(List.of("verify"), DEFAULT, "verify"));
        assertTrue(Reactor.reaches(List.of("clean", "install"), DEFAULT, "verify"));
        assertFalse(Reactor.reaches(List.of("package"), DEFAULT, "verify"));
        assertFalse(Reactor.reaches(List.of("io.wsscan:wsscan-maven-plugin:check"), DEFAULT, "verify"));
        assertFalse(Reactor.reaches(List.of("site"), DEFAULT, "verify"));
        assertTrue(Reactor.reaches(List.of("package"), DEFAULT, "package"));
        assertFalse(Reactor.reaches(List.of("verify"), DEFAULT, "no-such-phase"));
    }

    @Test
    void failuresAreHeldBackUntilTheAggregateRan() {
        MavenProject last = new MavenProject();
        assertTrue(Reactor.holdBack(last, "shop-api: 1 finding"));
        assertTrue(Reactor.holdBack(last, "shop-web: 2 findings"));
        assertEquals(List.of("shop-api: 1 finding", "shop-web: 2 findings"), Reactor.takeHeldBack(last));
        // after the aggregate a check must fail on its own
        assertFalse(Reactor.holdBack(last, "shop-late: 1 finding"));
        assertEquals(List.of(), Reactor.takeHeldBack(last));
    }

    @Test
    void theDeclaredPhaseOfAGoal() {
        Model model = new Model();
        model.setBuild(new Build());
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.wsscan");
        plugin.setArtifactId("wsscan-maven-plugin");
        PluginExecution scan = new PluginExecution();
        scan.setGoals(List.of("check"));
        PluginExecution aggregate = new PluginExecution();
        aggregate.setGoals(List.of("aggregate"));
        plugin.setExecutions(List.of(scan, aggregate));
        model.getBuild().setPlugins(List.of(plugin));
        MavenProject p = new MavenProject(model);

        PluginDescriptor pd = new PluginDescriptor();
        pd.setGroupId("io.wsscan");
        pd.setArtifactId("wsscan-maven-plugin");
        MojoDescriptor md = new MojoDescriptor();
        md.setGoal("check");
        md.setPluginDescriptor(pd);
        MojoExecution self = new MojoExecution(md);
        assertEquals("verify", Reactor.declaredPhase(p, self, "aggregate", "verify"));
        aggregate.setPhase("package");
        assertEquals("package", Reactor.declaredPhase(p, self, "aggregate", "verify"));
        assertNull(Reactor.declaredPhase(p, self, "report", "verify"));
        plugin.setArtifactId("other-plugin");
        assertNull(Reactor.declaredPhase(p, self, "aggregate", "verify"));
    }
}
