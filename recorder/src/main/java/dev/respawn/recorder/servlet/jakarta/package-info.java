/**
 * The servlet wrappers, compiled against Jakarta Servlet 5 but never loaded from respawn.jar:
 * {@code WrapperInjector} defines renamed copies in each server's own class loader, as Jakarta or
 * as javax. Everything here must therefore be public in what it calls of the recorder, and must
 * not use nested or anonymous classes that the injector does not list.
 */
package dev.respawn.recorder.servlet.jakarta;
