package org.mekongledger.console;

import org.mekongledger.api.DocumentType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Another office finds a worker's record from their statement: the QR code scanned into the field,
 * or the worker id and check digits typed. A code whose check digits fail is sent back to the
 * look-up saying so; a worker the officer may not see is "not found", as an unknown one.
 */
@Controller
class StatementScanController implements ConsolePage {

    private final VisibleWorkers workers;

    StatementScanController(VisibleWorkers workers) {
        this.workers = workers;
    }

    @GetMapping("/console/workers/scan")
    String scan(@RequestParam(defaultValue = "") String code, Model model) {
        return StatementCode.workerId(code).map(workerId -> {
            workers.worker(workerId);
            // the worker's page records the read
            return "redirect:/console/workers/" + workerId;
        }).orElseGet(() -> {
            // the look-up page as it first shows, with the code kept for correcting
            model.addAttribute("documentTypes", DocumentType.values());
            model.addAttribute("documentType", "PINK_CARD");
            model.addAttribute("documentNumber", "");
            model.addAttribute("issuingCountry", "THA");
            model.addAttribute("code", code);
            model.addAttribute("codeRefused", true);
            return "console/workers";
        });
    }
}
