package org.mekongledger.entitlement;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The inputs of an explanation step: an immutable map over one array of alternating names and
 * values, in the order given. A LinkedHashMap per step would be most of the engine's allocation,
 * and Map.of forgets the order people read inputs in.
 */
final class StepInputs extends AbstractMap<String, String> {

    private final String[] namesAndValues;

    /** Takes ownership of the array: callers pass varargs, which are fresh. */
    StepInputs(String[] namesAndValues) {
        if ((namesAndValues.length & 1) != 0) {
            throw new IllegalArgumentException("inputs come in name/value pairs");
        }
        this.namesAndValues = namesAndValues;
    }

    @Override
    public int size() {
        return namesAndValues.length / 2;
    }

    @Override
    public String get(Object name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return StepInputs.this.size();
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < namesAndValues.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> e = new SimpleImmutableEntry<>(namesAndValues[next], namesAndValues[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }
        };
    }
}
