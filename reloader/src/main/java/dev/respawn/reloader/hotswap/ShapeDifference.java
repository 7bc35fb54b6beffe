package dev.respawn.reloader.hotswap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Says what changed between two {@link ClassShape}s as precisely as their member lines allow:
 * "a method was added (hello)", "a field was renamed (a -> b)", "an annotation changed
 * (@GetMapping on hello)". Declarations first: a new method that carries an annotation is a new method.
 */
final class ShapeDifference {

    private static final int SYNTHETIC = 0x1000;

    private ShapeDifference() {
    }

    static String describe(List<String> declarationsBefore, List<String> declarationsAfter,
            List<String> membersBefore, List<String> membersAfter) {
        List<Declaration> added = minus(declarationsAfter, declarationsBefore);
        List<Declaration> removed = minus(declarationsBefore, declarationsAfter);
        if (!added.isEmpty() || !removed.isEmpty()) {
            return declarations(added, removed);
        }
        List<String> changed = new ArrayList<>(minusLines(membersAfter, membersBefore));
        changed.addAll(minusLines(membersBefore, membersAfter));
        return annotation(changed.stream().filter(line -> line.contains("@L")).findFirst().orElse(changed.get(0)));
    }

    private static String declarations(List<Declaration> added, List<Declaration> removed) {
        for (String kind : List.of("class", "field", "method")) {
            List<Declaration> in = ofKind(added, kind);
            List<Declaration> out = ofKind(removed, kind);
            if (kind.equals("class") && (!in.isEmpty() || !out.isEmpty())) {
                return "its declaration changed";
            }
            for (Declaration a : in) {
                for (Declaration r : out) {
                    if (a.name().equals(r.name())) {
                        return "a " + kind + "'s " + (kind.equals("field") ? "type or modifiers" : "signature or modifiers")
                                + " changed (" + a.name() + ")";
                    }
                }
            }
            if (in.size() == 1 && out.size() == 1 && in.get(0).type().equals(out.get(0).type())) {
                return "a " + kind + " was renamed (" + out.get(0).name() + " -> " + in.get(0).name() + ")";
            }
            if (!in.isEmpty() && !out.isEmpty()) {
                return "a " + kind + " was removed and " + (in.size() == 1 ? "one" : "others") + " added ("
                        + names(out) + "; " + names(in) + ")";
            }
            if (!in.isEmpty()) {
                return (in.size() == 1 ? "a " + kind + " was" : kind + "s were") + " added (" + names(in) + ")";
            }
            if (!out.isEmpty()) {
                return (out.size() == 1 ? "a " + kind + " was" : kind + "s were") + " removed (" + names(out) + ")";
            }
        }
        return "its nest or permitted subclasses changed";
    }

    /** "an annotation changed (@GetMapping on hello)", from one of the annotation lines that differ. */
    private static String annotation(String line) {
        int at = line.indexOf("@L");
        String annotation = at < 0 ? "" : line.substring(at + 2, Math.max(at + 2, line.indexOf(';', at)));
        annotation = "@" + annotation.substring(annotation.lastIndexOf('/') + 1).replace('$', '.');
        String[] words = line.split(" ");
        String target = switch (words[0]) {
            case "field" -> "field " + words[2];
            case "method" -> Declaration.of(line).name();
            default -> "the class";
        };
        return "an annotation changed (" + annotation + " on " + target + ")";
    }

    private static List<Declaration> minus(List<String> these, List<String> those) {
        return minusLines(these, those).stream().map(Declaration::of).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Declaration::synthetic)).toList();
    }

    private static List<String> minusLines(List<String> these, List<String> those) {
        List<String> left = new ArrayList<>(these);
        left.removeAll(those);
        return left;
    }

    private static List<Declaration> ofKind(List<Declaration> declarations, String kind) {
        return declarations.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private static String names(List<Declaration> declarations) {
        return String.join(", ", declarations.stream().map(Declaration::name).distinct().toList());
    }

    /** One declaration line: "field ACCESS NAME DESCRIPTOR ...", "method ACCESS NAME(DESCRIPTOR) ...", "class ...". */
    private record Declaration(String kind, String name, String type, boolean synthetic) {

        static Declaration of(String line) {
            String[] words = line.split(" ");
            if (words.length < 3) {
                return new Declaration(words[0], line, "", false);
            }
            boolean synthetic = words[1].matches("\\d+") && (Integer.parseInt(words[1]) & SYNTHETIC) != 0;
            return switch (words[0]) {
                case "field" -> new Declaration("field", words[2], words.length > 3 ? words[3] : "", synthetic);
                case "method" -> new Declaration("method", words[2].substring(0, Math.max(0, words[2].indexOf('('))),
                        words[2].substring(Math.max(0, words[2].indexOf('('))), synthetic);
                default -> new Declaration(words[0], words[0], "", false);
            };
        }
    }
}
