package dev.respawn.examples.hello;

import java.util.List;
import java.util.Map;

/**
 * Places orders, and refuses bad ones several frames down: the code that exception capture's
 * demo and tests watch fail.
 */
final class OrderService {

    private final String warehouse = "north";
    private final Map<String, Integer> stock = Map.of("book", 12, "pen", 40);
    private final List<String> catalog = List.of("book", "pen");
    private int placed;

    String place(String item, int quantity) {
        Order order = new Order(item, quantity);
        validate(order);
        placed++;
        return "ordered " + quantity + " x " + item + " from " + warehouse;
    }

    private void validate(Order order) {
        if (!catalog.contains(order.item())) {
            throw new IllegalArgumentException("no such item: " + order.item());
        }
        if (order.quantity() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + order.quantity());
        }
        if (order.quantity() > stock.get(order.item())) {
            throw new IllegalStateException("only " + stock.get(order.item()) + " " + order.item() + " left");
        }
    }
}
