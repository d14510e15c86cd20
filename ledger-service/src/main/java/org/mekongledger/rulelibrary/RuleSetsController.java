package org.mekongledger.rulelibrary;

import java.time.LocalDate;
import java.util.List;

import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.EntitlementRuleSetVersion;
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
        List<RuleSetSummary> summaries = new java.util.ArrayList<>();
        for (String id : library.contributionBook().schemes()) {
            ContributionRuleSet ruleSet = library.contributionBook().ruleSet(id).orElseThrow();
            summaries.add(new RuleSetSummary().id(ruleSet.id())
                    .kind(RuleSetSummary.KindEnum.CONTRIBUTIONS)
                    .status(RuleSetSummary.StatusEnum.IN_FORCE)
                    .versions(ruleSet.versions().stream().map(v -> new RuleSetVersionSummary()
                            .version(v.version()).effectiveFrom(v.effectiveFrom().atDay(1))).toList()));
        }
        for (EntitlementRuleSet ruleSet : library.benefitBook().ruleSets()) {
            summaries.add(new RuleSetSummary().id(ruleSet.id())
                    .kind(RuleSetSummary.KindEnum.fromValue(ruleSet.kind().name()))
                    .status(RuleSetSummary.StatusEnum.fromValue(ruleSet.status().name()))
                    .versions(ruleSet.versions().stream().map(v -> new RuleSetVersionSummary()
                            .version(v.version()).effectiveFrom(v.effectiveFrom())).toList()));
        }
        return ResponseEntity.ok(new RuleSetList().ruleSets(summaries));
    }

    @Override
    public ResponseEntity<RuleSet> getRuleSet(String ruleSetId) {
        library.refreshIfBehind();
        java.util.Optional<EntitlementRuleSet> benefits = library.benefitBook().ruleSet(ruleSetId);
        if (benefits.isPresent()) {
            EntitlementRuleSet ruleSet = benefits.get();
            return ResponseEntity.ok(new RuleSet().id(ruleSet.id())
                    .kind(RuleSet.KindEnum.fromValue(ruleSet.kind().name()))
                    .status(RuleSet.StatusEnum.fromValue(ruleSet.status().name()))
                    .versions(ruleSet.versions().stream().map(RuleSetsController::version).toList()));
        }
        ContributionRuleSet ruleSet = library.contributionBook().ruleSet(ruleSetId)
                .orElseThrow(() -> new UnknownRecord("rule set", ruleSetId));
        return ResponseEntity.ok(new RuleSet().id(ruleSet.id())
                .kind(RuleSet.KindEnum.CONTRIBUTIONS)
                .status(RuleSet.StatusEnum.IN_FORCE)
                .versions(ruleSet.versions().stream().map(RuleSetsController::version).toList()));
    }

    @Override
    public ResponseEntity<RuleSetVersion> addRuleSetVersion(String ruleSetId, RuleSetVersionRequest request,
                                                            String idempotencyKey) {
        String parameters = JSON.valueToTree(request.getParameters()).toString();
        AddRuleSetVersion amendment = new AddRuleSetVersion(ruleSetId, request.getVersion(), request.getEffectiveFrom(),
                parameters, request.getSource());
        commands.send(amendment);
        // answer from the amendment itself: inside a keyed request the library takes it in only
        // once the request's transaction has committed
        java.util.Optional<EntitlementRuleSetVersion> benefits = library.benefitVersionOf(amendment);
        if (benefits.isPresent()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(version(benefits.get()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(version(library.contributionVersionOf(amendment)));
    }

    private static RuleSetVersion version(EntitlementRuleSetVersion version) {
        return new RuleSetVersion().version(version.version())
                .effectiveFrom(version.effectiveFrom())
                .source(version.source())
                .parameters(version.parameters());
    }

    private static RuleSetVersion version(ContributionRuleSetVersion version) {
        return new RuleSetVersion().version(version.version())
                .effectiveFrom(LocalDate.from(version.effectiveFrom().atDay(1)))
                .source(version.source())
                .parameters(JSON.convertValue(RuleLibrary.parametersOf(version),
                        new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { }));
    }
}
