package dev.respawn.reloader.agent;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import dev.respawn.reloader.options.ReloadMode;

/**
 * What {@code respawn status} can say of a worker that does not restart inside its JVM (under
 * {@code --reload-mode restart}, or an application started otherwise than {@code java -cp ... MAIN}):
 * its process, how long it has run, its heap, and why there are no in-JVM lives to count.
 */
final class ProcessStatus {

    private ProcessStatus() {
    }

    static String describe(ReloadMode mode, String whyNoInJvmRestarts) {
        long pid = ProcessHandle.current().pid();
        Duration up = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return "worker pid " + pid + ", up " + up.toSeconds() + " s, heap used " + heap / (1024 * 1024) + " MiB;"
                + " no restarts inside this JVM: " + whyNoInJvmRestarts;
    }
}
