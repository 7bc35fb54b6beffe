package dev.respawn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class JavacOptionsTest {

    @Test
    void takesReleaseAndEncodingFromTheProperties() {
        MavenProject project = project();
        project.getProperties().setProperty("maven.compiler.release", "21");
        project.getProperties().setProperty("project.build.sourceEncoding", "ISO-8859-1");
        assertThat(JavacOptions.of(project, List.of("/p/target/classes", "/r/dep.jar")))
                .containsSubsequence("-g", "-parameters")
                .containsSubsequence("-classpath", "/p/target/classes" + java.io.File.pathSeparator + "/r/dep.jar")
                .containsSubsequence("-encoding", "ISO-8859-1")
                .containsSubsequence("--release", "21");
    }

    @Test
    void theCompilerPluginsConfigurationWinsAndItsCompilerArgsComeAlong() {
        MavenProject project = project();
        project.getProperties().setProperty("maven.compiler.source", "11");
        project.getProperties().setProperty("maven.compiler.target", "11");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(child("source", "17"));
        Xpp3Dom args = new Xpp3Dom("compilerArgs");
        args.addChild(child("arg", "-Xlint:unchecked"));
        configuration.addChild(args);
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setConfiguration(configuration);
        project.getBuild().addPlugin(compiler);

        List<String> options = JavacOptions.of(project, List.of());
        assertThat(options).containsSubsequence("-source", "17").containsSubsequence("-target", "11")
                .contains("-Xlint:unchecked").doesNotContain("--release");
    }

    private static MavenProject project() {
        Model model = new Model();
        model.setBuild(new Build());
        return new MavenProject(model);
    }

    private static Xpp3Dom child(String name, String value) {
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        return child;
    }
}
