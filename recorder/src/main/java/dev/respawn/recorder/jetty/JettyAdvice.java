package dev.respawn.recorder.jetty;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into Jetty 12's {@code Server.handle(Request, Response, Callback)}: swaps in the
 * recording request, response and callback. It names only {@link JettyEntry}.
 */
public final class JettyAdvice {

    private JettyAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object[] enter(
            @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request,
            @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object response,
            @Advice.Argument(value = 2, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object callback) {
        Object[] state = JettyEntry.enter(request, response, callback);
        if (state != null) {
            request = state[0];
            response = state[1];
            callback = state[2];
        }
        return state;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object[] state, @Advice.Return boolean handled, @Advice.Thrown Throwable thrown) {
        JettyEntry.exit(state, handled, thrown);
    }
}
