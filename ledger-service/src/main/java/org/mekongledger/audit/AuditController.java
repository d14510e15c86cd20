package org.mekongledger.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.web.contract.AuditApi;
import org.mekongledger.web.contract.model.AuditEntry;
import org.mekongledger.web.contract.model.AuditPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors and fund administrators (the URL matrix admits no one else). */
@RestController
@RequestMapping("/api/v1")
class AuditController implements AuditApi {

    private final AuditQueries audit;

    AuditController(AuditQueries audit) {
        this.audit = audit;
    }

    @Override
    public ResponseEntity<AuditPage> listAuditEntries(String workerId, String actor, OffsetDateTime from,
                                                      OffsetDateTime to, Integer page, Integer size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RequestRefused("from", "must be before to (" + to + ")");
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 50 : size;
        var entries = audit.page(new AuditQueries.Filter(workerId, actor, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant()), pageNumber, pageSize);
        return ResponseEntity.ok(new AuditPage().page(pageNumber).size(pageSize).entries(entries.stream()
                .map(entry -> new AuditEntry()
                        .kind(AuditEntry.KindEnum.fromValue(entry.kind()))
                        .at(entry.at().atOffset(ZoneOffset.UTC))
                        .actor(entry.actor())
                        .action(entry.action())
                        .workerId(entry.workerId())
                        .subjectId(entry.subjectId())
                        .eventId(entry.eventId())
                        .path(entry.path()))
                .toList()));
    }
}
