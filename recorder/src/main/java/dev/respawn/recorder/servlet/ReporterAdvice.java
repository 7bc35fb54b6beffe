package dev.respawn.recorder.servlet;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the end of Tomcat's {@code Response.getReporter()}, the writer its ErrorReportValve
 * writes its own error page to: for an exchange that waits for its error page, the writer
 * returned copies the page into it. It names only {@link FinishedResponses}.
 */
public final class ReporterAdvice {

    private ReporterAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object response,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object writer) {
        writer = FinishedResponses.reporter(response, writer);
    }
}
