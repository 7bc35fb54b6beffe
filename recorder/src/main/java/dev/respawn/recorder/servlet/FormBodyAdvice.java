package dev.respawn.recorder.servlet;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into Tomcat's {@code Request.readPostBodyFully(byte[], int)} and
 * {@code readChunkedPostBody()}, through which Tomcat reads a form post it parses itself for
 * {@code getParameter}: past the servlet's input stream, so the recording wrappers never see
 * those bytes. It names only {@link FormBodies}.
 */
public final class FormBodyAdvice {

    private FormBodyAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.AllArguments Object[] arguments,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned) {
        FormBodies.read(arguments, returned);
    }
}
