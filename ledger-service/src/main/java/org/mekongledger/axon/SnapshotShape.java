package org.mekongledger.axon;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revision of an aggregate's snapshots, read off the aggregate's structure: every field of it
 * and of every class of ours its fields hold (record components, enum constants, the permitted
 * types of a sealed interface), hashed. A snapshot is the aggregate's fields as they were written;
 * once any of them changes, old snapshots no longer describe the aggregate, and a revision that
 * changes with them makes the load ignore them and replay the events instead, with nobody having to
 * remember to bump a number.
 * <p>
 * A change in what an event-sourcing handler does with the same fields is not structural: it bumps
 * {@link #LOGIC}.
 */
final class SnapshotShape {

    /** Raise when an event-sourcing handler changes what it makes of an event without any field changing. */
    static final int LOGIC = 1;

    /** Our classes: their structure is the snapshot's; a library's is its own business. */
    static final String OURS = "org.mekongledger.";

    private static final ClassValue<String> REVISIONS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return compute(type);
        }
    };

    private SnapshotShape() {
    }

    /** The snapshot revision of this aggregate type: {@code L<logic>-<hash of its shape>}. */
    static String revisionOf(Class<?> aggregateType) {
        return REVISIONS.get(aggregateType);
    }

    private static String compute(Class<?> root) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String line : linesOf(root)) {
                sha256.update(line.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) '\n');
            }
            return "L" + LOGIC + "-" + HexFormat.of().formatHex(sha256.digest(), 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** What the revision is a hash of: one line per field, record component, enum constant and permitted type. */
    static Set<String> linesOf(Class<?> root) {
        Set<String> lines = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>();
        toVisit.add(root);
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.pop();
            if (!seen.add(type) || !type.getName().startsWith(OURS)) {
                continue;
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    lines.add(type.getName() + " constant " + constant);
                }
            } else if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    lines.add(type.getName() + " component " + component.getName() + " "
                            + component.getGenericType().getTypeName());
                    mentioned(component.getGenericType(), toVisit);
                }
            } else if (type.isInterface()) {
                if (type.isSealed()) {
                    for (Class<?> permitted : type.getPermittedSubclasses()) {
                        lines.add(type.getName() + " permits " + permitted.getName());
                        toVisit.add(permitted);
                    }
                }
            } else {
                for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
                    for (Field field : level.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                            continue;
                        }
                        lines.add(level.getName() + " field " + field.getName() + " " + field.getGenericType().getTypeName());
                        mentioned(field.getGenericType(), toVisit);
                    }
                }
            }
        }
        return lines;
    }

    /** Every class a (generic) type names: List<Map<String, Foo>> names List, Map, String and Foo. */
    private static void mentioned(Type type, Deque<Class<?>> toVisit) {
        if (type instanceof Class<?> plain) {
            toVisit.add(plain.isArray() ? plain.getComponentType() : plain);
        } else if (type instanceof ParameterizedType parameterized) {
            mentioned(parameterized.getRawType(), toVisit);
            for (Type argument : parameterized.getActualTypeArguments()) {
                mentioned(argument, toVisit);
            }
        } else if (type instanceof GenericArrayType array) {
            mentioned(array.getGenericComponentType(), toVisit);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                mentioned(bound, toVisit);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                mentioned(bound, toVisit);
            }
        }
    }
}
