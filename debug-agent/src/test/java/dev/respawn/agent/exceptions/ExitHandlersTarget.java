package dev.respawn.agent.exceptions;

import java.util.List;
import java.util.function.IntUnaryOperator;

/** Methods of many shapes for {@link ExitHandlersTest} to rewrite, load and call. */
public class ExitHandlersTarget {

    private final String name;

    public ExitHandlersTarget(String name) {
        this.name = name;
    }

    public String greet(long count, double share, int[] ids, boolean loud) {
        String text = name + count + share + ids.length;
        return loud ? text.toUpperCase() : text;
    }

    public static int fails(String item, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("negative quantity " + quantity + " of " + item);
        }
        return quantity;
    }

    public int caughtInside(int value) {
        try {
            return fails("x", value);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    public static int loop(int times) {
        int total = 0;
        for (int i = 0; i < times; i++) {
            total += i;
        }
        return total;
    }

    public static int viaLambda(int value) {
        IntUnaryOperator op = v -> fails("lambda", v) * 2;
        return op.applyAsInt(value);
    }

    public static int assignsItsParameter(List<String> items) {
        items = List.copyOf(items);
        return items.size() / (items.isEmpty() ? 0 : 1);
    }
}
