package dev.respawn.recorder.netty;

import java.lang.instrument.Instrumentation;

import dev.respawn.recorder.inject.ClassInjector;

/**
 * Makes every Netty HTTP server record its requests (Reactor Netty and so Spring WebFlux, Vert.x
 * and Quarkus, Micronaut, Ktor's Netty engine, hand-made pipelines): whenever Netty's HTTP server
 * codec joins a channel's pipeline, a recording handler joins right after it.
 */
public final class NettyHook {

    private NettyHook() {
    }

    public static void install(Instrumentation instrumentation) {
        ClassInjector.openClassLoader(instrumentation);
        // The agent starts before main: Netty's pipeline class is not loaded yet, none to retransform.
        instrumentation.addTransformer(new NettyTransformer(), false);
    }
}
