package dev.respawn.examples.hello;

/** One line of an order. */
record Order(String item, int quantity) {
}
