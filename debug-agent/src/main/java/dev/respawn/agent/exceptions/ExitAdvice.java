package dev.respawn.agent.exceptions;

import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of every application method. On a normal return it costs one null check:
 * the arguments array is only built when the branch that reads it runs, that is, when an
 * exception is leaving the method. Everything it calls must be public and visible from the
 * application's class loader, which {@link ExceptionRecorder} is (respawn.jar is on the system
 * class path); anything that goes wrong in here is swallowed, never the application's problem.
 */
final class ExitAdvice {

    private ExitAdvice() {
    }

    // backupArguments = false: no copy of the arguments on every call; a method that assigns to a
    // parameter shows its last value.
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, backupArguments = false)
    static void exit(@Advice.Origin Class<?> type, @Advice.Origin("#m") String method,
            @ParameterNames String parameterNames, @Advice.Origin("#s") String signature,
            @Advice.This(optional = true) Object self,
            @Advice.AllArguments Object[] arguments, @Advice.Thrown Throwable thrown) {
        if (thrown != null) {
            ExceptionRecorder.exited(type, method, parameterNames, signature, self, arguments, thrown);
        }
    }
}
