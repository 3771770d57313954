/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.testing;

import io.wsscan.findings.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks findings against annotations, one (file, line, rule) key at a time (a finding's line is
 * {@code region().startLine()}):
 * <ul>
 *   <li>{@code expect}: at least one finding at the key, and when a message substring is given, one
 *       whose message contains it;</li>
 *   <li>{@code expect-missing}: no finding at the key, else "fixed: remove expect-missing";</li>
 *   <li>{@code expect-spurious}: a finding at the key, else "fixed: remove expect-spurious";</li>
 *   <li>any other finding (on a {@code safe} line or an unannotated one) is a failure.</li>
 * </ul>
 */
public final class AnnotationCheck {

    private AnnotationCheck() {
    }

    /** One failure: where, and what went wrong. */
    public record Failure(String file, int line, String ruleId, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + ruleId + ": " + message;
        }
    }

    /** Every failure, sorted by file, line and rule; empty when the findings match the annotations. */
    public static List<Failure> check(Collection<Annotation> annotations, Collection<Finding> findings) {
        Map<Key, List<Finding>> byKey = new TreeMap<>(Key.ORDER);
        for (Finding f : findings) {
            byKey.computeIfAbsent(new Key(f.file(), f.region().startLine(), f.ruleId()), k -> new ArrayList<>()).add(f);
        }
        Map<Key, Annotation> annotated = new TreeMap<>(Key.ORDER);
        for (Annotation a : annotations) annotated.putIfAbsent(new Key(a.file(), a.line(), a.ruleId()), a);

        List<Failure> out = new ArrayList<>();
        annotated.forEach((k, a) -> {
            List<Finding> at = byKey.getOrDefault(k, List.of());
            switch (a.kind()) {
                case EXPECT -> {
                    if (at.isEmpty()) {
                        out.add(k.failure("expected a finding" + a.demands() + ", none reported"));
                    } else if (at.stream().noneMatch(a::matches)) {
                        out.add(k.failure("expected a finding" + a.demands() + "; reported: " + messages(at)));
                    }
                }
                case EXPECT_MISSING -> {
                    if (!at.isEmpty()) {
                        out.add(k.failure("fixed: remove expect-missing (now reported: " + messages(at) + ")"));
                    }
                }
                case EXPECT_SPURIOUS -> {
                    if (at.isEmpty()) out.add(k.failure("fixed: remove expect-spurious (no longer reported)"));
                }
                case SAFE -> {
                    if (!at.isEmpty()) out.add(k.failure("reported on a line annotated safe: " + messages(at)));
                }
            }
        });
        byKey.forEach((k, at) -> {
            if (!annotated.containsKey(k)) out.add(k.failure("reported, no expect covers it: " + messages(at)));
        });
        out.sort(Comparator.comparing(Failure::file).thenComparingInt(Failure::line).thenComparing(Failure::ruleId));
        return out;
    }

    private static List<String> messages(List<Finding> fs) {
        return fs.stream().filter(f -> f.message() != null)
                .map(f -> "[" + f.level().name().toLowerCase(java.util.Locale.ROOT) + "] " + f.message()).toList();
    }

    private record Key(String file, int line, String ruleId) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::file).thenComparingInt(Key::line)
                .thenComparing(Key::ruleId);

        Failure failure(String message) {
            return new Failure(file, line, ruleId, message);
        }
    }
}
