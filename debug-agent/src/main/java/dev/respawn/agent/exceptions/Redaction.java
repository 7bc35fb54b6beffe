package dev.respawn.agent.exceptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes secrets out of a report before it is written: values whose names say secret, the
 * values of the request's secret headers wherever they appear (under any name, inside maps,
 * fields and messages), and the credential of any {@code Bearer}/{@code Basic} scheme.
 */
final class Redaction {

    /** A credential after its scheme, as an Authorization header carries it. */
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(Bearer|Basic|Digest|Negotiate|Token)(\\s+)[A-Za-z0-9._~+/=\\-]{4,}");
    /** Shorter values are too likely to be ordinary words to be replaced wherever they appear. */
    private static final int SHORTEST = 4;

    private final SecretNames names;

    Redaction(SecretNames names) {
        this.names = names;
    }

    List<CapturedFrame> frames(List<CapturedFrame> frames, Collection<String> secrets) {
        if (!names.on()) {
            return frames;
        }
        List<String> ordered = longestFirst(secrets);
        List<CapturedFrame> redacted = new ArrayList<>(frames.size());
        for (CapturedFrame frame : frames) {
            redacted.add(new CapturedFrame(frame.className(), frame.method(), frame.file(), frame.line(),
                    frame.exception(), values(frame.arguments(), ordered), frame.receiver(),
                    values(frame.fields(), ordered), frame.locals() == null ? null : values(frame.locals(), ordered)));
        }
        return redacted;
    }

    ThrowableDescription description(ThrowableDescription description, Collection<String> secrets) {
        if (!names.on() || description == null) {
            return description;
        }
        List<String> ordered = longestFirst(secrets);
        List<ThrowableDescription> suppressed = new ArrayList<>();
        description.suppressed().forEach(s -> suppressed.add(description(s, secrets)));
        return new ThrowableDescription(description.className(),
                description.message() == null ? null : text(description.message(), ordered), description.stackTrace(),
                description.framesOmitted(), description(description.cause(), secrets), suppressed);
    }

    private List<CapturedFrame.Value> values(List<CapturedFrame.Value> values, List<String> secrets) {
        List<CapturedFrame.Value> redacted = new ArrayList<>(values.size());
        for (CapturedFrame.Value value : values) {
            String text = value.value();
            if (names.secret(value.name()) && text != null && !text.equals("null")) {
                text = SecretNames.REDACTED;
            } else if (text != null) {
                text = text(text, secrets);
            }
            redacted.add(new CapturedFrame.Value(value.name(), value.type(), text));
        }
        return redacted;
    }

    String text(String text, List<String> secrets) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, SecretNames.REDACTED);
            if (secret.length() > ValueRenderer.MAX_STRING) {
                // A rendered string keeps only its first characters.
                result = result.replace(secret.substring(0, ValueRenderer.MAX_STRING), SecretNames.REDACTED);
            }
        }
        return SCHEME.matcher(result).replaceAll("$1$2" + SecretNames.REDACTED);
    }

    private static List<String> longestFirst(Collection<String> secrets) {
        return secrets.stream().filter(s -> s != null && s.length() >= SHORTEST).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
