package org.mekongledger.rulelibrary;

import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.ruleset.ListedVersion;
import org.mekongledger.ruleset.RuleSetListing;
import org.mekongledger.web.contract.RuleSetsApi;
import org.mekongledger.web.contract.model.RuleSet;
import org.mekongledger.web.contract.model.RuleSetList;
import org.mekongledger.web.contract.model.RuleSetSummary;
import org.mekongledger.web.contract.model.RuleSetVersion;
import org.mekongledger.web.contract.model.RuleSetVersionRequest;
import org.mekongledger.web.contract.model.RuleSetVersionSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Maps the rule-set catalogue to the contract; every kind of rule set is listed and amended alike. */
@RestController
@RequestMapping("/api/v1")
class RuleSetsController implements RuleSetsApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RuleLibrary library;
    private final LedgerCommands commands;

    RuleSetsController(RuleLibrary library, LedgerCommands commands) {
        this.library = library;
        this.commands = commands;
    }

    @Override
    public ResponseEntity<RuleSetList> listRuleSets() {
        library.refreshIfBehind();
        return ResponseEntity.ok(new RuleSetList().ruleSets(library.catalogue().ruleSets().stream()
                .map(RuleSetsController::summary).toList()));
    }

    @Override
    public ResponseEntity<RuleSet> getRuleSet(String ruleSetId) {
        library.refreshIfBehind();
        RuleSetListing ruleSet = library.catalogue().ruleSet(ruleSetId)
                .orElseThrow(() -> new UnknownRecord("rule set", ruleSetId));
        return ResponseEntity.ok(new RuleSet().id(ruleSet.id())
                .kind(RuleSet.KindEnum.fromValue(ruleSet.kind().name()))
                .status(RuleSet.StatusEnum.fromValue(ruleSet.status().name()))
                .versions(ruleSet.versions().stream().map(RuleSetsController::version).toList()));
    }

    @Override
    public ResponseEntity<RuleSetVersion> addRuleSetVersion(String ruleSetId, RuleSetVersionRequest request,
                                                            String idempotencyKey) {
        String parameters = JSON.valueToTree(request.getParameters()).toString();
        if (request.getStatus() == org.mekongledger.web.contract.model.SourceStatus.ASSUMED
                && (request.getAssumption() == null || request.getAssumption().isBlank())) {
            throw new RequestRefused("assumption", "an ASSUMED version must state its assumption in words");
        }
        LegalBasis basis = LegalBases.fromRequest(request.getStatus(), request.getSource(), request.getFurtherSources(),
                request.getAssumption(), request.getNote());
        AddRuleSetVersion amendment = new AddRuleSetVersion(ruleSetId, request.getVersion(), request.getEffectiveFrom(),
                parameters, basis);
        commands.send(amendment);
        // answer from the amendment itself: inside a keyed request the library takes it in only
        // once the request's transaction has committed
        return ResponseEntity.status(HttpStatus.CREATED).body(version(library.catalogue().versionOf(amendment)));
    }

    private static RuleSetSummary summary(RuleSetListing ruleSet) {
        return new RuleSetSummary().id(ruleSet.id())
                .kind(RuleSetSummary.KindEnum.fromValue(ruleSet.kind().name()))
                .status(RuleSetSummary.StatusEnum.fromValue(ruleSet.status().name()))
                .versions(ruleSet.versions().stream().map(v -> new RuleSetVersionSummary()
                        .version(v.version()).effectiveFrom(v.effectiveFrom()).status(LegalBases.status(v.basis())))
                        .toList());
    }

    private static RuleSetVersion version(ListedVersion version) {
        LegalBasis basis = version.basis();
        return new RuleSetVersion().version(version.version())
                .effectiveFrom(version.effectiveFrom())
                .status(LegalBases.status(basis))
                .source(LegalBases.citation(basis.source()))
                .furtherSources(basis.furtherSources().stream().map(LegalBases::citation).toList())
                .assumption(basis.assumption())
                .note(basis.note())
                .parameters(version.parameters());
    }
}
