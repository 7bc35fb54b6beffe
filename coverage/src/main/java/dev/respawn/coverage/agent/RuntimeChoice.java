package dev.respawn.coverage.agent;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Chooses, on the first class to cover, between respawn's own runtime and a user's JaCoCo agent
 * in the same JVM: by then every agent's premain has run, whatever their order on the command line.
 */
final class RuntimeChoice implements Supplier<CoverageRuntime> {

    private final CoverageRuntime own;
    private final Consumer<String> say;
    private volatile CoverageRuntime chosen;

    RuntimeChoice(CoverageRuntime own, Consumer<String> say) {
        this.own = own;
        this.say = say;
    }

    @Override
    public CoverageRuntime get() {
        CoverageRuntime runtime = chosen;
        if (runtime == null) {
            synchronized (this) {
                runtime = chosen;
                if (runtime == null) {
                    runtime = ForeignJacocoAgent.find().<CoverageRuntime>map(foreign -> {
                        say.accept("another JaCoCo agent runs in this JVM: respawn's coverage shares its data"
                                + " rather than instrument the classes twice");
                        return foreign;
                    }).orElse(own);
                    chosen = runtime;
                }
            }
        }
        return runtime;
    }
}
