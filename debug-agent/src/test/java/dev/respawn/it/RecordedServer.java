package dev.respawn.it;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An example server the recorder is tested against, and how to run it. */
enum RecordedServer {

    JDK("hello-http", "dev.respawn.examples.hello.HelloServer", false),
    JAKARTA("tomcat-jakarta", "dev.respawn.examples.jakarta.JakartaServer", true),
    JAVAX("tomcat-javax", "dev.respawn.examples.javax.JavaxServer", true);

    private final String example;
    private final String main;
    private final boolean hasLibraries;

    RecordedServer(String example, String main, boolean hasLibraries) {
        this.example = example;
        this.main = main;
        this.hasLibraries = hasLibraries;
    }

    /** {@code java [jvmOptions] -cp ... Main port}. */
    List<String> command(int port, String... jvmOptions) {
        Path root = TestEnvironment.examples().resolve(example);
        String classpath = root.resolve("target/classes").toString()
                + (hasLibraries ? File.pathSeparator + root.resolve("target/lib") + File.separator + "*" : "");
        List<String> command = new ArrayList<>(List.of(TestEnvironment.java()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classpath, main, Integer.toString(port)));
        return command;
    }
}
