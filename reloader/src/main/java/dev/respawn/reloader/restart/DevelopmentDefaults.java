package dev.respawn.reloader.restart;

import java.util.Map;

/**
 * Settings of libraries that suit production but make every in-JVM restart wait: Reactor Netty's
 * shutdown quiet period (2 s by default, which Spring WebFlux's context close sits through).
 * Set only where the application has not set them itself, so its own settings win.
 */
final class DevelopmentDefaults {

    static final Map<String, String> PROPERTIES = Map.of(
            "reactor.netty.ioShutdownQuietPeriod", "0",
            "reactor.netty.ioShutdownTimeout", "2");

    private DevelopmentDefaults() {
    }

    static void apply() {
        PROPERTIES.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }
}
