package dev.respawn.recorder.servlet;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;

/** Copies a form body Tomcat read for its own parameter parsing into the exchange the thread serves. */
public final class FormBodies {

    private FormBodies() {
    }

    /**
     * @param arguments {@code (byte[] body, int length)} of readPostBodyFully, or none
     * @param returned the body readChunkedPostBody returned, or null
     */
    public static void read(Object[] arguments, Object returned) {
        Recorder recorder = Recorder.active();
        Exchange exchange = recorder == null ? null : recorder.exchange();
        if (exchange == null) {
            return;
        }
        if (returned instanceof byte[] body) {
            exchange.requestBody().write(body, 0, body.length);
        } else if (arguments.length == 2 && arguments[0] instanceof byte[] body && arguments[1] instanceof Integer length) {
            exchange.requestBody().write(body, 0, Math.min(length, body.length));
        }
    }
}
