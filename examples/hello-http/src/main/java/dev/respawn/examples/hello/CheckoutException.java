package dev.respawn.examples.hello;

/** A checkout that failed, wrapping why. */
final class CheckoutException extends RuntimeException {

    CheckoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
