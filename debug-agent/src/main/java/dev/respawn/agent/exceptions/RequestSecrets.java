package dev.respawn.agent.exceptions;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * The values of a request's secret headers (and of each cookie in its Cookie header), read from
 * an argument that is the request: the JDK HttpServer's {@code HttpExchange}, or a Jakarta or
 * javax {@code HttpServletRequest}. A report replaces these values wherever they appear, under
 * whatever name the application passed them on. Only the request API's public methods are called.
 */
final class RequestSecrets {

    private RequestSecrets() {
    }

    static List<String> of(Object argument, SecretNames names) {
        List<String> values = new ArrayList<>();
        if (argument == null || !names.on() || argument instanceof String || argument instanceof Number) {
            return values;
        }
        try {
            Class<?> exchange = RequestLine.api(argument.getClass(), "com.sun.net.httpserver.HttpExchange");
            if (exchange != null) {
                Object headers = exchange.getMethod("getRequestHeaders").invoke(argument);
                if (headers instanceof Map<?, ?> map) {
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (entry.getKey() instanceof String name && names.secret(name)
                                && entry.getValue() instanceof Collection<?> list) {
                            list.forEach(value -> add(values, name, String.valueOf(value)));
                        }
                    }
                }
                return values;
            }
            for (String servlet : new String[] {"jakarta.servlet.http.HttpServletRequest",
                    "javax.servlet.http.HttpServletRequest"}) {
                Class<?> request = RequestLine.api(argument.getClass(), servlet);
                if (request != null) {
                    Method headerNames = request.getMethod("getHeaderNames");
                    Method headers = request.getMethod("getHeaders", String.class);
                    Enumeration<?> all = (Enumeration<?>) headerNames.invoke(argument);
                    while (all != null && all.hasMoreElements()) {
                        String name = String.valueOf(all.nextElement());
                        if (names.secret(name)) {
                            Enumeration<?> each = (Enumeration<?>) headers.invoke(argument, name);
                            while (each != null && each.hasMoreElements()) {
                                add(values, name, String.valueOf(each.nextElement()));
                            }
                        }
                    }
                    return values;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return values;
        }
        return values;
    }

    /** The value, and for credentials with a scheme or cookies the parts an application may pass on alone. */
    private static void add(List<String> values, String name, String value) {
        values.add(value);
        int space = value.indexOf(' ');
        if (space > 0) {
            values.add(value.substring(space + 1).strip());
        }
        if (name.toLowerCase(java.util.Locale.ROOT).contains("cookie")) {
            for (String pair : value.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.add(pair.substring(equals + 1).strip());
                }
            }
        }
    }
}
