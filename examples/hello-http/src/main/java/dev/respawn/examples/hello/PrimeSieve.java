package dev.respawn.examples.hello;

/** CPU work for {@code /work}: counts primes below a bound the slow way, so a profile shows it. */
final class PrimeSieve {

    private PrimeSieve() {
    }

    static int countPrimesBelow(int bound) {
        int count = 0;
        for (int candidate = 2; candidate < bound; candidate++) {
            if (isPrime(candidate)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isPrime(int candidate) {
        for (int divisor = 2; (long) divisor * divisor <= candidate; divisor++) {
            if (candidate % divisor == 0) {
                return false;
            }
        }
        return true;
    }
}
