package dev.respawn.reloader.builds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.respawn.reloader.builds.BuildCommandLine.Recognised;

/** Command lines as the tools' own scripts write them (Maven 3.8.7's mvn, Maven 4's, the wrappers', Gradle's). */
class BuildCommandLineTest {

    private static final String JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    private static Optional<Recognised> recognise(String executable, String arguments) {
        return BuildCommandLine.recognise(executable, List.of(arguments.split(" ")));
    }

    @Test
    void mavenThreeAsItsMvnScriptStartsIt() {
        assertThat(recognise(JAVA, "-classpath /usr/share/maven/boot/plexus-classworlds-2.x.jar"
                + " -Dclassworlds.conf=/usr/share/maven/bin/m2.conf -Dmaven.home=/usr/share/maven"
                + " -Dlibrary.jansi.path=/usr/share/maven/lib/jansi-native"
                + " -Dmaven.multiModuleProjectDirectory=/work/app"
                + " org.codehaus.plexus.classworlds.launcher.Launcher -B compile"))
                .contains(new Recognised("Maven", Optional.of(Path.of("/work/app"))));
    }

    @Test
    void mavenFourAndTheScriptOnlyWrapperThatRunsIt() {
        // mvnw (wrapper 3.3, "only-script") downloads Maven and runs this same script.
        assertThat(recognise(JAVA, "--enable-native-access=ALL-UNNAMED -classpath /home/u/.m2/wrapper/dists/m4/boot/"
                + "plexus-classworlds-2.9.0.jar -Dclassworlds.conf=/m4/bin/m2.conf -Dmaven.home=/m4"
                + " -Dmaven.mainClass=org.apache.maven.cling.MavenCling -Dlibrary.jline.path=/m4/lib/jline-native"
                + " -Dmaven.multiModuleProjectDirectory=/work/app org.codehaus.plexus.classworlds.launcher.Launcher"
                + " package")).contains(new Recognised("Maven", Optional.of(Path.of("/work/app"))));
    }

    @Test
    void theOlderWrapperThatRunsMavenInItsOwnJvm() {
        assertThat(recognise(JAVA, "-classpath /work/app/.mvn/wrapper/maven-wrapper.jar"
                + " -Dmaven.multiModuleProjectDirectory=/work/app org.apache.maven.wrapper.MavenWrapperMain compile"))
                .contains(new Recognised("Maven", Optional.of(Path.of("/work/app"))));
    }

    @Test
    void mavenFoursShellAndUpgradeToolBuildNothing() {
        assertThat(recognise(JAVA, "-classpath /m4/boot/plexus-classworlds-2.9.0.jar"
                + " -Dmaven.mainClass=org.apache.maven.cling.MavenShellCling"
                + " -Dmaven.multiModuleProjectDirectory=/work/app org.codehaus.plexus.classworlds.launcher.Launcher"))
                .isEmpty();
    }

    @Test
    void gradleClientsBuildTheirWorkingDirectoryOrTheOneNamed() {
        assertThat(recognise(JAVA, "-Xmx64m -Xms64m -Dorg.gradle.appname=gradlew -classpath"
                + " /work/app/gradle/wrapper/gradle-wrapper.jar org.gradle.wrapper.GradleWrapperMain classes"))
                .contains(new Recognised("Gradle", Optional.empty()));
        assertThat(recognise(JAVA, "-Dorg.gradle.appname=gradle -classpath /opt/gradle/lib/gradle-launcher-8.10.jar"
                + " org.gradle.launcher.GradleMain -p /work/app build"))
                .contains(new Recognised("Gradle", Optional.of(Path.of("/work/app"))));
        assertThat(recognise(JAVA, "-classpath g.jar org.gradle.wrapper.GradleWrapperMain --project-dir=sub build"))
                .contains(new Recognised("Gradle", Optional.of(Path.of("sub"))));
    }

    @Test
    void mvndsNativeClientByItsName() {
        assertThat(recognise("/opt/mvnd/bin/mvnd", "-f /work/app/pom.xml compile"))
                .contains(new Recognised("mvnd", Optional.of(Path.of("/work/app"))));
        assertThat(recognise("/opt/mvnd/bin/mvnd", "compile")).contains(new Recognised("mvnd", Optional.empty()));
    }

    @Test
    void runsThatServeUntilStoppedAreNoBuildsToWaitFor() {
        String maven = "-classpath boot/plexus-classworlds-2.x.jar -Dmaven.multiModuleProjectDirectory=/work/app"
                + " org.codehaus.plexus.classworlds.launcher.Launcher -B ";
        assertThat(recognise(JAVA, maven + "spring-boot:run")).isEmpty();
        assertThat(recognise(JAVA, maven + "respawn:run -Drespawn.arguments=8080")).isEmpty();
        assertThat(recognise(JAVA, maven + "io.quarkus:quarkus-maven-plugin:3.20.0:dev")).isEmpty();
        assertThat(recognise(JAVA, maven + "compile exec:java")).isEmpty();
        assertThat(recognise(JAVA, maven + "clean package")).isPresent();
        assertThat(recognise(JAVA, maven + "-Dexec.mainClass=a.B compile")).isPresent();
        String gradle = "-classpath g.jar org.gradle.wrapper.GradleWrapperMain ";
        assertThat(recognise(JAVA, gradle + "bootRun")).isEmpty();
        assertThat(recognise(JAVA, gradle + ":app:run")).isEmpty();
        assertThat(recognise(JAVA, gradle + "-t classes")).isEmpty();
        assertThat(recognise(JAVA, gradle + "--continuous build")).isEmpty();
        assertThat(recognise(JAVA, gradle + "build -x test")).isPresent();
        assertThat(recognise("/opt/mvnd/bin/mvnd", "spring-boot:run")).isEmpty();
    }

    @Test
    void otherJavaProcessesAreNoBuilds() {
        // The worker under respawn, and a program that merely mentions the launcher's name.
        assertThat(recognise(JAVA, "-javaagent:/work/respawn.jar -cp target/classes com.example.app.App 8080")).isEmpty();
        assertThat(recognise(JAVA, "-cp org.codehaus.plexus.classworlds.launcher.Launcher Main")).isEmpty();
        // mvn respawn:run's own JVM is a Maven build: RunningBuilds leaves it out as this process.
        assertThat(recognise("/usr/bin/bash", "-c mvn compile")).isEmpty();
        // Gradle's daemon runs for hours and many builds: only its clients count.
        assertThat(recognise(JAVA, "-cp gradle-launcher.jar org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.10"))
                .isEmpty();
    }
}
