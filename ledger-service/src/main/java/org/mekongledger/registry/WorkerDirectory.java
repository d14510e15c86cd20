package org.mekongledger.registry;

import java.sql.Timestamp;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mekongledger.api.DocumentLinked;
import org.mekongledger.api.WorkerRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Keeps the worker directory (names, documents, contacts) that officers search and read. */
@Component
@ProcessingGroup(WorkerDirectory.PROCESSING_GROUP)
class WorkerDirectory {

    static final String PROCESSING_GROUP = "directory";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcClient jdbc;

    WorkerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkerRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) throws JsonProcessingException {
        jdbc.sql("""
                        insert into worker_view (worker_id, given_name, family_name, date_of_birth, sex, nationality,
                            documents, contacts, registered_at)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                        on conflict (worker_id) do nothing""")
                .params(event.workerId(), event.givenName(), event.familyName(), event.dateOfBirth(),
                        event.sex().name(), event.nationality(), JSON.writeValueAsString(event.documents()),
                        JSON.writeValueAsString(event.contacts()), Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(DocumentLinked event) throws JsonProcessingException {
        jdbc.sql("update worker_view set documents = documents || cast(? as jsonb) where worker_id = ?")
                .params(JSON.writeValueAsString(java.util.List.of(event.document())), event.workerId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate worker_view").update();
    }
}
