package org.mekongledger.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.mekongledger.api.IdentityDocument.DocumentKey;
import org.mekongledger.web.contract.model.Contact;
import org.mekongledger.web.contract.model.IdentityDocument;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;

/** Reads the worker directory; look-ups by document go through the register, which is never behind. */
@Component
public class WorkerQueries {

    private final JdbcClient jdbc;

    WorkerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Worker> worker(String workerId) {
        return jdbc.sql("select * from worker_view where worker_id = ?").param(workerId)
                .query((row, n) -> worker(row)).optional();
    }

    /** The facts about a worker's person that other modules judge by (entitlements), without the rest. */
    public record PersonalFacts(java.time.LocalDate dateOfBirth, String nationality) {
    }

    public Optional<PersonalFacts> personalFacts(String workerId) {
        return jdbc.sql("select date_of_birth, nationality from worker_view where worker_id = ?").param(workerId)
                .query((row, n) -> new PersonalFacts(row.getObject("date_of_birth", java.time.LocalDate.class),
                        row.getString("nationality")))
                .optional();
    }

    /** The worker's nationality, by primary key: embassy scoping asks it on every request naming a worker. */
    public Optional<String> nationality(String workerId) {
        return jdbc.sql("select nationality from worker_view where worker_id = ?").param(workerId)
                .query(String.class).optional();
    }

    public boolean exists(String workerId) {
        return jdbc.sql("select exists (select 1 from worker_view where worker_id = ?)").param(workerId)
                .query(Boolean.class).single();
    }

    /** The workers holding the document, of the given nationality only when one is given (an embassy officer's). */
    public List<Worker> byDocument(DocumentKey document, Optional<String> nationality) {
        if (nationality.isPresent()) {
            return jdbc.sql("""
                            select w.* from document_register d join worker_view w on w.worker_id = d.worker_id
                            where d.document_type = ? and d.issuing_country = ? and d.number_key = ?
                              and w.nationality = ?""")
                    .params(document.type().name(), document.issuingCountry(), document.number(), nationality.get())
                    .query((row, n) -> worker(row)).list();
        }
        return jdbc.sql("""
                        select w.* from document_register d join worker_view w on w.worker_id = d.worker_id
                        where d.document_type = ? and d.issuing_country = ? and d.number_key = ?""")
                .params(document.type().name(), document.issuingCountry(), document.number())
                .query((row, n) -> worker(row)).list();
    }

    /** A page of workers in registration order, of the given nationality only when one is given. */
    List<Worker> page(int page, int size, Optional<String> nationality) {
        if (nationality.isPresent()) {
            return jdbc.sql("""
                            select * from worker_view where nationality = ?
                            order by registered_at, worker_id limit ? offset ?""")
                    .params(nationality.get(), size, (long) page * size)
                    .query((row, n) -> worker(row)).list();
        }
        return jdbc.sql("select * from worker_view order by registered_at, worker_id limit ? offset ?")
                .params(size, (long) page * size)
                .query((row, n) -> worker(row)).list();
    }

    private static Worker worker(ResultSet row) throws SQLException {
        return new Worker()
                .workerId(row.getString("worker_id"))
                .givenName(row.getString("given_name"))
                .familyName(row.getString("family_name"))
                .dateOfBirth(row.getObject("date_of_birth", java.time.LocalDate.class))
                .sex(row.getString("sex"))
                .nationality(row.getString("nationality"))
                .documents(documents(row.getString("documents")))
                .contacts(contacts(row.getString("contacts")))
                .registeredAt(row.getTimestamp("registered_at").toInstant().atOffset(ZoneOffset.UTC));
    }

    private static List<IdentityDocument> documents(String json) {
        return read(json, new TypeReference<List<org.mekongledger.api.IdentityDocument>>() { }).stream()
                .map(d -> new IdentityDocument()
                        .type(org.mekongledger.web.contract.model.DocumentType.fromValue(d.type().name()))
                        .number(d.number())
                        .issuingCountry(d.issuingCountry())
                        .validUntil(d.validUntil()))
                .toList();
    }

    private static List<Contact> contacts(String json) {
        return read(json, new TypeReference<List<org.mekongledger.api.Contact>>() { }).stream()
                .map(c -> new Contact().channel(Contact.ChannelEnum.fromValue(c.channel())).value(c.value()))
                .toList();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return WorkerDirectory.JSON.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("worker_view holds malformed JSON", e);
        }
    }
}
