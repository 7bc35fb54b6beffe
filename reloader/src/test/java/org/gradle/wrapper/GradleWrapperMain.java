package org.gradle.wrapper;

/**
 * Stands in for {@code gradlew}'s client in tests: a process with its main class, which builds
 * nothing and runs for the seconds it is given.
 */
public final class GradleWrapperMain {

    private GradleWrapperMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "120") * 1000);
    }
}
