package org.mekongledger.audit;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.UnknownSerializedType;
import org.mekongledger.axon.LedgerCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One audit entry per stored event, whatever its type: the type's name is the action, the
 * {@code actor} metadata the acting user, and the payload's {@code workerId()} and first id
 * accessor of {@link #SUBJECTS} what it concerns. Only those named accessors are read, so payment
 * details (a claim's payee) and personal data never reach the trail. A new event type needs no code.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSOR)
class AuditProjection {

    static final String PROCESSOR = "audit";
    private static final String PENDING_ENTRIES = AuditProjection.class.getName() + ".pending";
    /** The record an event concerns besides the worker, most specific first. */
    private static final List<String> SUBJECTS = List.of("claimId", "filingId", "runId", "employerAccount", "ruleSetId");
    private static final Logger log = LoggerFactory.getLogger(AuditProjection.class);

    private final JdbcTemplate jdbc;
    /** Per payload type: the accessor of each id it has (absent when it has none). */
    private final Map<Class<?>, Map<String, Optional<Method>>> accessors = new ConcurrentHashMap<>();

    AuditProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the message, not the payload: an event whose payload cannot be read is still audited. */
    @EventHandler
    void on(EventMessage<?> event) {
        Object payload = payloadOf(event);
        String subject = null;
        for (String name : SUBJECTS) {
            subject = id(payload, name);
            if (subject != null) {
                break;
            }
        }
        Object actor = event.getMetaData().get(LedgerCommands.ACTOR);
        pendingEntries().add(new Object[] {event.getIdentifier(), Timestamp.from(event.getTimestamp()),
                actor == null ? null : actor.toString(), action(event, payload), id(payload, "workerId"), subject});
    }

    /**
     * Entries collected during the processor's unit of work (a batch of events), written in one
     * JDBC batch just before it commits: after a burst of filings the trail catches up without a
     * round trip per event competing with the requests.
     */
    private List<Object[]> pendingEntries() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("audit entries are written inside a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING_ENTRIES, key -> {
            List<Object[]> pending = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> jdbc.batchUpdate("""
                    insert into audit_entry (kind, event_id, occurred_at, actor, action, worker_id, subject_id)
                    values ('EVENT', ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""", pending));
            return pending;
        });
    }

    /**
     * The event type's simple name (ClaimApproved, not ClaimEvents$ClaimApproved); for a type this
     * version of the service does not know (a newer replica stored it), the name it was stored under.
     */
    private static String action(EventMessage<?> event, Object payload) {
        String type = payload instanceof UnknownSerializedType unknown ? unknown.serializedType().getName()
                : event.getPayloadType().getName();
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static Object payloadOf(EventMessage<?> event) {
        try {
            return event.getPayload();
        } catch (RuntimeException unreadable) {
            // recorded without worker and subject; the ledger's dead-letter queue holds the details
            log.warn("Audit: event {} has an unreadable payload ({}); recorded by its type alone",
                    event.getIdentifier(), unreadable.getClass().getName());
            return null;
        }
    }

    private String id(Object payload, String name) {
        if (payload == null) {
            return null;
        }
        Optional<Method> accessor = accessors.computeIfAbsent(payload.getClass(), type -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, absent -> accessor(payload.getClass(), name));
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            Object value = accessor.get().invoke(payload);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }

    /** A public no-argument accessor of that name (a record component or a getter-less method). */
    private static Optional<Method> accessor(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            return method.getParameterCount() == 0 && method.getReturnType() != void.class
                    ? Optional.of(method) : Optional.empty();
        } catch (NoSuchMethodException | SecurityException none) {
            return Optional.empty();
        }
    }
}
