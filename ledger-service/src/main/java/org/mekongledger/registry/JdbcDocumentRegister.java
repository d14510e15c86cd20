package org.mekongledger.registry;

import java.util.Optional;

import org.mekongledger.account.DocumentRegister;
import org.mekongledger.api.IdentityDocument.DocumentKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs inside the command's transaction: a refused command leaves no claim behind. */
@Component
class JdbcDocumentRegister implements DocumentRegister {

    private final JdbcClient jdbc;

    JdbcDocumentRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> claim(DocumentKey document, String workerId) {
        int inserted = jdbc.sql("""
                        insert into document_register (document_type, issuing_country, number_key, worker_id)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(document.type().name(), document.issuingCountry(), document.number(), workerId)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return holderOf(document).filter(holder -> !holder.equals(workerId));
    }

    Optional<String> holderOf(DocumentKey document) {
        return jdbc.sql("""
                        select worker_id from document_register
                        where document_type = ? and issuing_country = ? and number_key = ?""")
                .params(document.type().name(), document.issuingCountry(), document.number())
                .query(String.class)
                .optional();
    }
}
