package dev.respawn.examples.jakarta;

/** Reserves items, and refuses every one: what {@code /fail} calls. */
final class OrderService {

    String reserve(String item) {
        throw new IllegalArgumentException("no such item: " + item);
    }
}
