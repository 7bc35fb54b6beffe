package dev.respawn.reloader.options;

import java.util.Arrays;
import java.util.stream.Collectors;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a change is applied to the running application. */
public enum ReloadMode {
    /** Hot swap when only method bodies changed, else an in-JVM restart, else a process restart. */
    AUTO("auto"),
    /** Only ever redefine classes in place. */
    HOTSWAP("hotswap"),
    /** Restart the application inside the worker JVM with a new class loader. */
    IN_JVM("in-jvm"),
    /** Always start a new worker process. */
    RESTART("restart");

    private final String label;

    ReloadMode(String label) {
        this.label = label;
    }

    /** The name used on the command line and in the agent string. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    static String labels() {
        return Arrays.stream(values()).map(ReloadMode::label).collect(Collectors.joining(", "));
    }

    static final class Converter implements ITypeConverter<ReloadMode> {
        @Override
        public ReloadMode convert(String value) {
            for (ReloadMode mode : values()) {
                if (mode.label.equals(value)) {
                    return mode;
                }
            }
            throw new TypeConversionException("expected one of " + labels() + ", not '" + value + "'");
        }
    }
}
