package dev.respawn.agent.exceptions;

import java.lang.reflect.Method;

/**
 * The HTTP request a frame was serving, when one of its arguments is the request: the JDK
 * HttpServer's {@code HttpExchange}, or a Jakarta or javax {@code HttpServletRequest}. Only their
 * public API is called, through the API type, never an application class's method.
 *
 * <p>When the recorder is on, the request it sees the thread serving (through
 * {@code RequestContext}) is the better source and is read first; arguments are where the request
 * is found without it.
 *
 * @param method the request method
 * @param url the request's URL as the server saw it (path and query for HttpServer)
 * @param exchange the recorder's id of the exchange ({@code _id} in its HAR), or null without the recorder
 */
record RequestLine(String method, String url, String exchange) {

    static RequestLine of(Object argument) {
        if (argument == null) {
            return null;
        }
        try {
            Class<?> exchange = api(argument.getClass(), "com.sun.net.httpserver.HttpExchange");
            if (exchange != null) {
                return new RequestLine(call(exchange, "getRequestMethod", argument),
                        call(exchange, "getRequestURI", argument), null);
            }
            for (String servlet : new String[] {"jakarta.servlet.http.HttpServletRequest",
                    "javax.servlet.http.HttpServletRequest"}) {
                Class<?> request = api(argument.getClass(), servlet);
                if (request != null) {
                    String query = call(request, "getQueryString", argument);
                    String url = call(request, "getRequestURL", argument);
                    return new RequestLine(call(request, "getMethod", argument), query == null ? url : url + "?" + query,
                            null);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
        return null;
    }

    /** The supertype named {@code name} of {@code type}, or null. */
    static Class<?> api(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return c;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                Class<?> found = api(implemented, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String call(Class<?> api, String name, Object target) throws ReflectiveOperationException {
        Method method = api.getMethod(name);
        Object result = method.invoke(target);
        return result == null ? null : String.valueOf(result);
    }
}
