package org.mekongledger.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;

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
        // An account's maps are keyed by claim and filing ids, each met once. Read as canonical field
        // names they filled the parser's shared name table, which was then copied for every snapshot
        // read: 13% of the service's CPU in a 100,000-claim settle (JFR).
        JsonFactory idsAsKeys = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
        ObjectMapper mapper = AxonStorageConfiguration.eventMapper(idsAsKeys).setAnnotationIntrospector(new FieldsAreState());
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
        // read for every account a run loads: each type is looked up once
        Map<String, String> revisions = new ConcurrentHashMap<>();
        return snapshot -> {
            String type = snapshot.getPayload().getType().getName();
            String revision = revisions.computeIfAbsent(type, name -> {
                try {
                    return SnapshotShape.revisionOf(Class.forName(name, false, AggregateSnapshots.class.getClassLoader()));
                } catch (ClassNotFoundException gone) {
                    return "";
                }
            });
            return !revision.isEmpty() && revision.equals(snapshot.getPayload().getType().getRevision());
        };
    }

    /** Our non-record classes (aggregates and their entities) are read and written through their fields only. */
    private static final class FieldsAreState extends JacksonAnnotationIntrospector {

        @Override
        public VisibilityChecker<?> findAutoDetectVisibility(AnnotatedClass annotated, VisibilityChecker<?> checker) {
            Class<?> type = annotated.getRawType();
            if (type.getName().startsWith(SnapshotShape.OURS) && !type.isRecord() && !type.isEnum()
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
