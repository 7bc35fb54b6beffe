package dev.respawn.agent.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UnwindingTest {

    private static CapturedFrame frame(String method) {
        return new CapturedFrame("C", method, null, -1, "E", List.of(), null, List.of(), null);
    }

    @Test
    void aWrapperContinuesTheStoryOfTheExceptionItWraps() {
        Unwinding unwinding = new Unwinding();
        IllegalArgumentException cause = new IllegalArgumentException("inner");
        unwinding.passing(cause, "C", "inner", site -> true);
        unwinding.add(frame("inner"));
        IllegalStateException wrapper = new IllegalStateException("outer", cause);
        unwinding.passing(wrapper, "C", "outer", site -> true);
        unwinding.add(frame("outer"));

        assertThat(unwinding.frames()).extracting(CapturedFrame::method).containsExactly("inner", "outer");
        assertThat(unwinding.current()).isSameAs(wrapper);
        assertThat(unwinding.site()).startsWith(IllegalArgumentException.class.getName() + " at ");
    }

    @Test
    void anUnrelatedExceptionForgetsTheOneCaughtBeforeIt() {
        Unwinding unwinding = new Unwinding();
        unwinding.passing(new IllegalArgumentException("caught inside"), "C", "a", site -> true);
        unwinding.add(frame("a"));
        unwinding.passing(new IllegalStateException("new"), "C", "b", site -> true);
        unwinding.add(frame("b"));

        assertThat(unwinding.frames()).extracting(CapturedFrame::method).containsExactly("b");
    }

    @Test
    void findsWrappedExceptionsAmongCausesAndSuppressedAndSurvivesCycles() {
        Exception inner = new Exception("inner");
        Exception suppressing = new Exception("outer");
        suppressing.addSuppressed(new RuntimeException(inner));
        assertThat(Unwinding.wraps(suppressing, inner)).isTrue();

        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(Unwinding.wraps(b, new Exception())).isFalse();
    }

    @Test
    void aSiteOverItsLimitIsNotRendered() {
        Unwinding unwinding = new Unwinding();
        unwinding.passing(new IllegalStateException(), "C", "m", site -> false);
        assertThat(unwinding.wantsFrame()).isFalse();
        assertThat(unwinding.framesOmitted()).isEqualTo(1);
    }

    @Test
    void locatesEachFrameFurtherDownTheTrace() {
        Exception thrown = new Exception();
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("C", "f", "C.java", 10),
            new StackTraceElement("lib.L", "call", "L.java", 1),
            new StackTraceElement("C", "f", "C.java", 12),
        });
        Unwinding unwinding = new Unwinding();
        unwinding.passing(thrown, "C", "f", site -> true);
        assertThat(unwinding.locate("C", "f").getLineNumber()).isEqualTo(10);
        assertThat(unwinding.locate("C", "f").getLineNumber()).isEqualTo(12);
        assertThat(unwinding.locate("C", "f")).isNull();
    }
}
