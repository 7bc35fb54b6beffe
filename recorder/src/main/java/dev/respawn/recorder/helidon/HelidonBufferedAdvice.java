package dev.respawn.recorder.helidon;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into Helidon's {@code Http1ServerResponse.responseBuffer}, which the fast path of a body
 * sent in one piece calls to lay out the whole response before writing it; names only {@link HelidonEntry}.
 * Helidon's own {@code whenSent} listeners run only after the write, too late for a worker killed then.
 */
public final class HelidonBufferedAdvice {

    private HelidonBufferedAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Thrown Throwable thrown) {
        HelidonEntry.buffered(thrown == null);
    }
}
