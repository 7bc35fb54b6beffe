package dev.respawn.recorder.jetty;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into Jetty 12's {@code Server.handle(Request, Response, Callback)}: swaps in the
 * recording request. It names only {@link JettyEntry}.
 */
public final class JettyAdvice {

    private JettyAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object[] enter(
            @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request) {
        Object[] state = JettyEntry.enter(request);
        if (state != null) {
            request = state[0];
        }
        return state;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object[] state) {
        JettyEntry.exit(state);
    }
}
