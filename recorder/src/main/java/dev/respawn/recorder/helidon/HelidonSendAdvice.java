package dev.respawn.recorder.helidon;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into Helidon's {@code Http1ServerResponse.send(byte[], int, int)}; names only {@link HelidonEntry}.
 * A response with a stream filter sends even a body in one array through a buffered output stream
 * (about 4 KB allocated and the headers checked again per response); when the only filter is the
 * recorder's, the body is recorded here and the filter removed, so Helidon writes it as without one.
 */
public final class HelidonSendAdvice {

    private HelidonSendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) byte[] bytes, @Advice.Argument(1) int offset, @Advice.Argument(2) int length,
            @Advice.FieldValue(value = "outputStreamFilter", readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object filter) {
        if (HelidonEntry.sent(filter, bytes, offset, length)) {
            filter = null;
        }
    }
}
