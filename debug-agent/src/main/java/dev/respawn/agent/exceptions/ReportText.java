package dev.respawn.agent.exceptions;

/** A report as text for people: the exception, then each application frame with its values, then the chain. */
final class ReportText {

    private ReportText() {
    }

    static String toText(ExceptionReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.exception().headline()).append('\n');
        out.append("  thread \"").append(report.thread()).append("\" at ").append(report.time());
        if (report.request() != null) {
            out.append(", serving ").append(report.request().method()).append(' ').append(report.request().url());
            if (report.request().exchange() != null) {
                out.append(" (recorded as ").append(report.request().exchange()).append(')');
            }
        }
        out.append('\n');
        if (report.notWrittenBefore() > 0) {
            out.append("  ").append(report.notWrittenBefore())
                    .append(" more from the same place were counted, not written, since the last report\n");
        }
        out.append("\nApplication frames, innermost first:\n");
        for (CapturedFrame frame : report.frames()) {
            out.append("\n  ").append(frame.where()).append('\n');
            for (CapturedFrame.Value argument : frame.arguments()) {
                out.append("      ").append(argument.name()).append(" = ").append(argument.value()).append('\n');
            }
            if (frame.locals() != null) {
                for (CapturedFrame.Value local : frame.locals()) {
                    out.append("      (local) ").append(local.name()).append(" = ").append(local.value()).append('\n');
                }
            }
            if (frame.receiver() != null) {
                out.append("      this = ").append(frame.receiver()).append('\n');
                for (CapturedFrame.Value field : frame.fields()) {
                    out.append("      this.").append(field.name()).append(" = ").append(field.value()).append('\n');
                }
            }
        }
        if (report.framesOmitted() > 0) {
            out.append("\n  ... and ").append(report.framesOmitted()).append(" more application frames\n");
        }
        out.append("\nException:\n");
        chain(out, report.exception(), "  ", "");
        return out.toString();
    }

    private static void chain(StringBuilder out, ThrowableDescription description, String indent, String label) {
        out.append(indent).append(label).append(description.className());
        if (description.message() != null) {
            out.append(": ").append(description.message());
        }
        out.append('\n');
        for (String element : description.stackTrace()) {
            out.append(indent).append("    at ").append(element).append('\n');
        }
        if (description.framesOmitted() > 0) {
            out.append(indent).append("    ... ").append(description.framesOmitted()).append(" more\n");
        }
        for (ThrowableDescription suppressed : description.suppressed()) {
            chain(out, suppressed, indent + "    ", "Suppressed: ");
        }
        if (description.cause() != null) {
            chain(out, description.cause(), indent, "Caused by: ");
        }
    }
}
