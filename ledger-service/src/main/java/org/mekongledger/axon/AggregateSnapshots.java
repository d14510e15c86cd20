package org.mekongledger.axon;

import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How an aggregate is written as a snapshot and which snapshots a load may use.
 * <p>
 * An aggregate's state is its fields (it has no getters, and must not grow them for this): our
 * classes that are not records are written field by field, records and everything else as events
 * are. Each snapshot carries its aggregate's {@link SnapshotShape} as its revision, and a load uses
 * only a snapshot of the shape the aggregate has now; any other is skipped and the events are
 * replayed, so a snapshot never outlives the code that wrote it.
 */
final class AggregateSnapshots {

    private AggregateSnapshots() {
    }

    static Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setAnnotationIntrospector(new FieldsAreState());
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(SnapshotShape::revisionOf)
                .build();
    }

    /**
     * Only snapshots written in the shape their aggregate has now (a type no longer found has none).
     * The engine applies it to every snapshot it reads, whichever aggregate it is of.
     */
    static SnapshotFilter currentShape() {
        return snapshot -> {
            String type = snapshot.getPayload().getType().getName();
            String revision = snapshot.getPayload().getType().getRevision();
            Class<?> aggregateType;
            try {
                aggregateType = Class.forName(type, false, AggregateSnapshots.class.getClassLoader());
            } catch (ClassNotFoundException gone) {
                return false;
            }
            return SnapshotShape.revisionOf(aggregateType).equals(revision);
        };
    }

    /** Our non-record classes (aggregates and their entities) are read and written through their fields only. */
    private static final class FieldsAreState extends JacksonAnnotationIntrospector {

        @Override
        public VisibilityChecker<?> findAutoDetectVisibility(AnnotatedClass annotated, VisibilityChecker<?> checker) {
            Class<?> type = annotated.getRawType();
            if (type.getName().startsWith("org.mekongledger.") && !type.isRecord() && !type.isEnum()
                    && !type.isInterface()) {
                return checker.withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE)
                        .withSetterVisibility(Visibility.NONE)
                        .withCreatorVisibility(Visibility.ANY);
            }
            return super.findAutoDetectVisibility(annotated, checker);
        }
    }
}
