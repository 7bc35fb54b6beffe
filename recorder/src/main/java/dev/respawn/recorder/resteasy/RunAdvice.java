package dev.respawn.recorder.resteasy;

import net.bytebuddy.asm.Advice;

/** Inlined into a RESTEasy Reactive request context's {@code run()}; names only {@link ResteasyEntry}. */
public final class RunAdvice {

    private RunAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object context) {
        return ResteasyEntry.enter(context);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object bound) {
        ResteasyEntry.exit(bound);
    }
}
