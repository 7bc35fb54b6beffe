package dev.respawn.locals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.LongValue;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.ExceptionRequest;

/**
 * One worker's JDI session: attached to its JDWP port on loopback, it stops only the throwing
 * thread at each exception thrown in application code, reads the visible local variables of
 * its application frames (fields only, never a method call), writes them for the agent, and
 * lets the thread go on. Every other thread keeps running meanwhile.
 */
final class LocalsSession implements Runnable {

    static final int MAX_FRAMES = 32;
    private static final List<String> NOT_APPLICATION = List.of("java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*",
            "dev.respawn.agent.*", "dev.respawn.shaded.*", "dev.respawn.reloader.*");

    private final int port;
    private final long pid;
    private final List<String> appPackages;
    private final Path exceptionsDirectory;
    private final PrintStream terminal;

    LocalsSession(int port, long pid, List<String> appPackages, Path exceptionsDirectory, PrintStream terminal) {
        this.port = port;
        this.pid = pid;
        this.appPackages = appPackages;
        this.exceptionsDirectory = exceptionsDirectory;
        this.terminal = terminal;
    }

    @Override
    public void run() {
        VirtualMachine vm = attach(Duration.ofSeconds(20));
        if (vm == null) {
            return;
        }
        try {
            ExceptionRequest request = vm.eventRequestManager().createExceptionRequest(null, true, true);
            request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
            if (appPackages.size() == 1) {
                request.addClassFilter(appPackages.get(0) + ".*");
            } else {
                NOT_APPLICATION.forEach(request::addClassExclusionFilter);
            }
            request.enable();
            loop(vm);
        } catch (VMDisconnectedException e) {
            // The worker ended.
        } catch (RuntimeException e) {
            terminal.println("respawn: --capture-locals stopped for worker pid " + pid + " (" + e + ")");
        }
    }

    private VirtualMachine attach(Duration patience) {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElse(null);
        if (socket == null) {
            terminal.println("respawn: --capture-locals needs JDI's socket connector, which this JDK lacks");
            return null;
        }
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(Integer.toString(port));
        long deadline = System.nanoTime() + patience.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                return socket.attach(arguments);
            } catch (IOException | RuntimeException | com.sun.jdi.connect.IllegalConnectorArgumentsException e) {
                if (System.nanoTime() - deadline > 0) {
                    terminal.println("respawn: --capture-locals could not attach to worker pid " + pid + " on port "
                            + port + " (" + e.getMessage() + "); reports will have no locals");
                    return null;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    return null;
                }
            }
        }
        return null;
    }

    private void loop(VirtualMachine vm) {
        while (true) {
            EventSet events;
            try {
                events = vm.eventQueue().remove();
            } catch (InterruptedException e) {
                vm.dispose();
                return;
            }
            for (Event event : events) {
                if (event instanceof VMDisconnectEvent) {
                    return;
                }
                if (event instanceof ExceptionEvent thrown) {
                    try {
                        record(thrown);
                    } catch (RuntimeException | IOException | IncompatibleThreadStateException e) {
                        // A frame we could not read is a report without locals, never a stuck thread.
                    }
                }
            }
            events.resume();
        }
    }

    private void record(ExceptionEvent event) throws IOException, IncompatibleThreadStateException {
        ThreadReference thread = event.thread();
        Location at = event.location();
        JsonObject entry = new JsonObject();
        entry.addProperty("site", event.exception().referenceType().name() + " at " + at.declaringType().name() + "."
                + at.method().name() + ":" + at.lineNumber());
        JsonArray frames = new JsonArray();
        List<StackFrame> stack = thread.frames(0, Math.min(thread.frameCount(), MAX_FRAMES));
        for (StackFrame frame : stack) {
            Location location = frame.location();
            String className = location.declaringType().name();
            if (JdiValues.isJdk(className) || className.startsWith("dev.respawn.agent.")) {
                continue;
            }
            frames.add(ThrowLocals.frame(className, location.method().name(), location.lineNumber(), locals(frame)));
        }
        entry.add("frames", frames);
        ThrowLocals.append(ThrowLocals.file(exceptionsDirectory, threadId(thread)), entry);
    }

    private static List<JsonObject> locals(StackFrame frame) {
        List<JsonObject> locals = new ArrayList<>();
        List<LocalVariable> variables;
        try {
            variables = frame.visibleVariables();
        } catch (AbsentInformationException e) {
            return locals;  // compiled without -g: no local variable table
        }
        Map<LocalVariable, Value> values = frame.getValues(variables);
        for (LocalVariable variable : variables) {
            if (variable.isArgument()) {
                continue;  // the agent has the arguments already
            }
            Value value = values.get(variable);
            locals.add(ThrowLocals.local(variable.name(), value == null ? null : value.type().name(),
                    JdiValues.render(value, 1)));
        }
        return locals;
    }

    /** The thread's id as {@code Thread.getId()} tells it to the agent, read from its field. */
    private static long threadId(ThreadReference thread) {
        Field tid = thread.referenceType().fieldByName("tid");
        Value value = tid == null ? null : thread.getValue(tid);
        return value instanceof LongValue id ? id.value() : thread.uniqueID();
    }
}
