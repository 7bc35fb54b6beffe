package dev.respawn.recorder.servlet;

import java.util.List;
import java.util.Map;

import dev.respawn.recorder.inject.ClassInjector;

/**
 * Defines the servlet wrappers inside the class loader that holds the server's servlet API.
 *
 * <p>Why: respawn.jar is on the system class path, but the servlet API may not be (a standalone
 * Tomcat keeps it in its common loader), and one application may even have both {@code javax}
 * and {@code jakarta}. So the wrappers, compiled once against Jakarta Servlet 5 (which is javax
 * Servlet 4 renamed), ship as plain class files; at the first request of a server they are
 * renamed into a package of their own (and to {@code javax.servlet} for a javax server) and
 * defined in that loader by a {@link ClassInjector}. There they see the servlet API, and, through
 * the loader's parents, the recorder's own classes, which use no servlet type.
 */
final class WrapperInjector {

    /** The servlet API packages, by the name they start with. */
    static final List<String> FLAVORS = List.of("jakarta", "javax");

    private static final String SOURCE = "dev/respawn/recorder/servlet/jakarta/";
    /** In dependency order is not needed: they only name each other inside method bodies. */
    private static final List<String> CLASSES = List.of("RecordingInputStream", "RecordingOutputStream",
            "RecordingRequest", "RecordingResponse", "AsyncCompletion", "PendingError", "ServletWrappers");
    private static final Map<String, ClassInjector> INJECTORS = Map.of(
            "jakarta", injector("jakarta"), "javax", injector("javax"));

    private WrapperInjector() {
    }

    static ClassInjector injector(String flavor) {
        return new ClassInjector(SOURCE, "dev/respawn/recorder/servlet/injected/" + flavor + "/", CLASSES,
                Map.of("jakarta/servlet/", flavor + "/servlet/"));
    }

    static WrapperFactory factory(ClassLoader loader, String flavor) {
        try {
            return (WrapperFactory) INJECTORS.get(flavor).load(loader, "ServletWrappers").getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not make the servlet wrappers in " + loader, e);
        }
    }
}
