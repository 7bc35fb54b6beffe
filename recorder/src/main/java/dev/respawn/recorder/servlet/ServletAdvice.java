package dev.respawn.recorder.servlet;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code HttpServlet.service(ServletRequest, ServletResponse)} and every
 * {@code FilterChain.doFilter}: swaps in the recording wrappers on the outermost call. It names
 * only {@link ServletEntry}, which the server's class loader finds through its parents.
 */
public final class ServletAdvice {

    private ServletAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object[] enter(
            @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request,
            @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object response) {
        Object[] state = ServletEntry.enter(request, response);
        if (state != null) {
            request = state[0];
            response = state[1];
        }
        return state;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object[] state, @Advice.Thrown Throwable thrown) {
        ServletEntry.exit(state, thrown);
    }
}
