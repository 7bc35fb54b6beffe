package dev.respawn.agent.profiler;

import java.util.List;

import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * Lets async-profiler load its native library in workers on Java 22 and later without the JVM's
 * "restricted method" warning on the application's terminal (Java 17 accepts the option too).
 */
public final class NativeAccess implements SupervisorExtension {

    @Override
    public List<String> jvmArguments() {
        return List.of("--enable-native-access=ALL-UNNAMED");
    }
}
