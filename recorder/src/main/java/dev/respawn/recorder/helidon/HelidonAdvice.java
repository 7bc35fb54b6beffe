package dev.respawn.recorder.helidon;

import net.bytebuddy.asm.Advice;

/** Inlined into Helidon's {@code HttpRoutingImpl.route(ctx, request, response)}; names only {@link HelidonEntry}. */
public final class HelidonAdvice {

    private HelidonAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(1) Object request, @Advice.Argument(2) Object response) {
        return HelidonEntry.enter(request, response);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean bound) {
        HelidonEntry.exit(bound);
    }
}
