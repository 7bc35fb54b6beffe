package dev.respawn.recorder.servlet;

import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of Tomcat's {@code Response.finishResponse()}, which ends every request:
 * an exchange still waiting for an error page that no dispatch wrote ends here. It names only
 * {@link FinishedResponses}.
 */
public final class ResponseFinishAdvice {

    private ResponseFinishAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object response) {
        FinishedResponses.finishing(response);
    }
}
