package dev.autogen.generator.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two lists of definitions paired by a structural key (never by name): what only the current side has is
 * {@code removed}, what only the target side has is {@code added}, and {@code pairs} are the matched ones.
 * Duplicated keys pair up one to one, in list order.
 */
record Matches<T>(List<T> removed, List<T> added, List<Pair<T>> pairs) {

    record Pair<T>(T current, T target) {
    }

    static <T> Matches<T> byKey(List<T> current, List<T> target, Function<T, ?> key) {
        Map<Object, Deque<T>> unmatched = new LinkedHashMap<>();
        for (T item : current) {
            unmatched.computeIfAbsent(key.apply(item), k -> new ArrayDeque<>()).add(item);
        }
        List<T> added = new ArrayList<>();
        List<Pair<T>> pairs = new ArrayList<>();
        for (T item : target) {
            Deque<T> candidates = unmatched.get(key.apply(item));
            if (candidates == null || candidates.isEmpty()) {
                added.add(item);
            } else {
                pairs.add(new Pair<>(candidates.removeFirst(), item));
            }
        }
        List<T> removed = current.stream()
                .filter(item -> pairs.stream().noneMatch(p -> p.current() == item))
                .toList();
        return new Matches<>(removed, List.copyOf(added), List.copyOf(pairs));
    }
}
