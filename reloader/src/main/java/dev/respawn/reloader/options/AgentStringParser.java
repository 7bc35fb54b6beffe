package dev.respawn.reloader.options;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills {@link Options} from an agent string by the option names the fields carry
 * ({@code quietPeriod} is {@code quiet-period}), without picocli: picocli costs the application
 * some 180 ms of start-up, this a millisecond. The command line's parser and this one read the
 * same declarations, and a test holds them to the same results.
 */
final class AgentStringParser {

    private AgentStringParser() {
    }

    static Options parse(String agentString) {
        Options options = new Options();
        Map<String, Field> fields = fields();
        for (String argument : OptionParser.agentArguments(agentString)) {
            String item = argument.substring(2);
            int equals = item.indexOf('=');
            String name = equals < 0 ? item : item.substring(0, equals);
            String value = equals < 0 ? null : item.substring(equals + 1);
            Field field = fields.get(name);
            if (field == null) {
                throw new OptionsException("unknown option '" + name + "'; valid options: "
                        + String.join(", ", fields.keySet()));
            }
            try {
                set(options, field, name, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return options;
    }

    private static void set(Options options, Field field, String name, String value) throws IllegalAccessException {
        Class<?> type = field.getType();
        if (type == boolean.class) {
            if (value != null && !value.equals("true") && !value.equals("false")) {
                throw new OptionsException("option '" + name + "' is a switch: give it alone, not '" + name + "=" + value + "'");
            }
            field.setBoolean(options, value == null || Boolean.parseBoolean(value));
            return;
        }
        if (value == null || value.isEmpty()) {
            throw new OptionsException("option '" + name + "' needs a value: " + name + "=...");
        }
        if (type == int.class || type == long.class) {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new OptionsException("option '" + name + "' takes a whole number, not '" + value + "'");
            }
            if (type == int.class) {
                if (number != (int) number) {
                    throw new OptionsException("option '" + name + "' is out of range: " + value);
                }
                field.setInt(options, (int) number);
            } else {
                field.setLong(options, number);
            }
        } else if (type == String.class) {
            field.set(options, value);
        } else if (type == Path.class) {
            field.set(options, path(name, value));
        } else if (type == ReloadMode.class) {
            try {
                field.set(options, new ReloadMode.Converter().convert(value));
            } catch (RuntimeException e) {
                throw new OptionsException("option '" + name + "': " + e.getMessage());
            }
        } else if (type == List.class) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) field.get(options);
            boolean paths = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0] == Path.class;
            for (String element : value.split(":")) {
                if (!element.isEmpty()) {
                    list.add(paths ? path(name, element) : element);
                }
            }
        } else {
            throw new IllegalStateException("no conversion for " + type + " (option " + name + ")");
        }
    }

    private static Path path(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new OptionsException("option '" + name + "' is not a path: '" + value + "'");
        }
    }

    /**
     * Every option's name, without dashes, and its field, in name order: those of
     * {@link DeclaredOptions}, and any declared in {@link Options} itself (picocli reads both).
     */
    static Map<String, Field> fields() {
        Map<String, Field> fields = new TreeMap<>();
        for (Class<?> type : List.of(DeclaredOptions.class, Options.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                fields.put(kebab(field.getName()), field);
            }
        }
        return fields;
    }

    static String kebab(String camel) {
        StringBuilder name = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
