package dev.respawn.recorder.jdk;

import com.sun.net.httpserver.HttpContext;

/** Puts the recording filter before the application's own on a new context. */
final class Contexts {

    private Contexts() {
    }

    static HttpContext recorded(HttpContext context) {
        context.getFilters().add(0, new RecordingFilter());
        return context;
    }
}
