package dev.respawn.recorder.netty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;

import dev.respawn.recorder.inject.AdvisingTransformer;
import dev.respawn.recorder.inject.ClassInjector;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

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
        instrumentation.addTransformer(new AdvisingTransformer("io/netty/channel/DefaultChannelPipeline",
                NettyAdvice.class, NettyHook::addsOneHandler, "Netty"), false);
    }

    /**
     * Each of the pipeline's methods that add one handler, which every other way of adding ends in:
     * addFirst/addLast(group, name, handler), addBefore/addAfter(group, base, name, handler),
     * replace(old, name, handler).
     */
    static ElementMatcher.Junction<MethodDescription> addsOneHandler() {
        String handler = "io.netty.channel.ChannelHandler";
        return namedOneOf("addFirst", "addLast", "replace").and(takesArguments(3))
                .and(takesArgument(2, named(handler)))
                .or(namedOneOf("addBefore", "addAfter").and(takesArguments(4)).and(takesArgument(3, named(handler))));
    }
}
