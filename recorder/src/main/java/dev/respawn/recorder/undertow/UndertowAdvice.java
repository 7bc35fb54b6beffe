package dev.respawn.recorder.undertow;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Connectors.executeRootHandler(HttpHandler, HttpServerExchange)}: the thread
 * serves the exchange while the root handler runs. It names only {@link UndertowEntry}.
 */
public final class UndertowAdvice {

    private UndertowAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(1) Object exchange) {
        return UndertowEntry.enter(exchange);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean bound) {
        UndertowEntry.exit(bound);
    }
}
