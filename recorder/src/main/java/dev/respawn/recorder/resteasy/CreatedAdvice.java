package dev.respawn.recorder.resteasy;

import net.bytebuddy.asm.Advice;

/** Inlined at the end of a RESTEasy Reactive request context's constructors; names only {@link ResteasyEntry}. */
public final class CreatedAdvice {

    private CreatedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object context) {
        ResteasyEntry.created(context);
    }
}
