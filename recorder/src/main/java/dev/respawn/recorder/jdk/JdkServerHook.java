package dev.respawn.recorder.jdk;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;

/** Makes every {@code com.sun.net.httpserver} server the application creates record its exchanges. */
public final class JdkServerHook {

    private JdkServerHook() {
    }

    public static void install(Instrumentation instrumentation) {
        Module httpServer = HttpServer.class.getModule();
        if (httpServer.isNamed()) {
            // Our provider falls back on the JDK's own, which lives in a package not exported.
            instrumentation.redefineModule(httpServer, Set.of(),
                    Map.of("sun.net.httpserver", Set.of(JdkServerHook.class.getModule())), Map.of(), Set.of(), Map.of());
        }
        RecordingServerProvider.replacing(System.getProperty(RecordingServerProvider.PROPERTY));
        System.setProperty(RecordingServerProvider.PROPERTY, RecordingServerProvider.class.getName());
    }
}
