package org.mekongledger.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mekongledger.api.ClaimCommands.FileClaim;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.entitlement.Periodicity;
import org.mekongledger.access.EmbassyMandate;
import org.mekongledger.access.EmbassyScope;
import org.mekongledger.security.Officer;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.web.PlausibleDates;
import org.springframework.stereotype.Service;

/**
 * Filing a claim: the desk names the worker, the benefit and the payee; the engine says what it is
 * worth. The worker's account decides whether the claim may be filed (once-only, payee checks) and
 * records it with the assessment.
 */
@Service
public class ClaimFiling {

    private final LedgerCommands commands;
    private final EmbassyScope scope;
    private final ClaimAssessments assessments;

    ClaimFiling(LedgerCommands commands, EmbassyScope scope, ClaimAssessments assessments) {
        this.commands = commands;
        this.scope = scope;
        this.assessments = assessments;
    }

    /**
     * @return the new claim's id
     * @throws UnknownRecord  no such worker, or one of a nationality the officer does not act for
     *                        (the same answer, so an embassy officer learns nothing of others)
     * @throws RequestRefused naming the field at fault: dates, the ground, a benefit the engine does
     *                        not name for the worker or one not paid once
     */
    public String file(ClaimApplication application) {
        refuseImplausible(application);
        Officer officer = Officer.current();
        // another nationality's worker answers as an unknown one; an unknown worker is found out by the assessment
        scope.requireVisible(officer, application.workerId());
        if (application.ground() != null) {
            // a new ground is recorded on the worker: an embassy officer records only what an embassy
            // witnesses; a claim on a death the fund recorded rests on the history and needs no ground
            EmbassyMandate.mayRecord(officer, application.ground().type());
        }
        Entitlement entitlement = assessments.entitlement(application.workerId(), application.scheme(),
                        application.benefit(), application.asOf(), application.ground())
                .orElseThrow(() -> new RequestRefused("benefit", "the entitlement engine names no "
                        + application.benefit() + " under " + application.scheme() + " for this worker"));
        if (entitlement.periodicity() != Periodicity.ONCE) {
            throw new RequestRefused("benefit", "only benefits paid once can be claimed; pensions are not claimable yet");
        }
        String claimId = UUID.randomUUID().toString();
        commands.send(new FileClaim(application.workerId(), claimId, application.scheme(), application.benefit(),
                application.asOf(), application.ground(), application.payee(),
                ClaimAssessments.assessment(entitlement, application.asOf())));
        return claimId;
    }

    private static void refuseImplausible(ClaimApplication application) {
        List<Violation> violations = new ArrayList<>();
        PlausibleDates.inSimulation("asOf", application.asOf(), violations);
        if (application.ground() != null) {
            PlausibleDates.inSimulation("ground.date", application.ground().date(), violations);
            if (application.ground().date().isAfter(application.asOf())) {
                violations.add(new Violation("ground.date", "the claim is assessed as of " + application.asOf()
                        + "; the life event it rests on must have happened by then"));
            }
            if (application.ground().type() == LifeEventType.PERMANENT_DEPARTURE && application.ground().country() == null) {
                violations.add(new Violation("ground.country", "a permanent departure names the destination country"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
    }
}
